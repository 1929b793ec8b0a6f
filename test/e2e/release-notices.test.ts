/**
 * Frigivningar in a real browser against the real local runtime: Kriminalvården posts two notices
 * through the API (one with the three months' lead, one late), and Mottag vuxen's staff find them by
 * release date, read the person's number on demand and record the plan until its deadline is met.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser";
import { postReleaseNotices, signIn, startConsoleRuntime } from "./support/runtime";

/** Tuesday 24 November 2026, 09:00 in Sweden (before the real date: the sign-in's token is minted on the real clock). */
const NOW = new Date("2026-11-24T09:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  await postReleaseNotices(runtime, [
    { noticeId: "KV-2027-000201", expectedReleaseDate: "2027-04-30", needs: ["housing", "employment"] },
    {
      noticeId: "KV-2027-000202",
      expectedReleaseDate: "2027-01-08",
      needs: ["housing", "addiction", "threat"],
    },
  ]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("Frigivningar", () => {
  it("lists the notices by release date, late ones marked, and records the plan until its deadline is met", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, {
      role: "Socialsekreterare i Mottag vuxen",
      municipality: "Kalmar (0880)",
    });
    await page.getByRole("heading", { name: "Frigivningar" }).waitFor();
    const rows = page.getByRole("row").filter({ hasText: "KV-2027-" });
    await expect.poll(() => rows.count()).toBe(2);
    // The earlier release first; it came with less than three months' lead and says so in words.
    expect(await rows.nth(0).innerText()).toMatch(/KV-2027-000202[\s\S]*/);
    expect(await rows.nth(0).innerText()).toMatch(/Sen underrättelse: 45 dagar före frigivning/);
    expect(await rows.nth(0).innerText()).toContain("Öppen");
    expect(await rows.nth(1).innerText()).not.toContain("Sen underrättelse");
    await expectAccessible(page, "the release notices");
    await screenshot(page, "frigivningar");

    // A malformed date is the API's 400, said next to its field.
    await page.getByLabel("Frigivning från och med").fill("2027-13-01");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(() => page.locator("#filter-from-error").textContent()).toBe("måste vara ett datum");
    await page.getByLabel("Frigivning från och med").fill("2027-03-01");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).innerText()).toContain("KV-2027-000201");

    await page.getByRole("link", { name: "KV-2027-000201" }).click();
    await page.getByRole("heading", { name: "Frigivning KV-2027-000201" }).waitFor();
    expect(await page.locator(".identity").innerText()).toBe("Dolt");
    await page.getByRole("button", { name: "Visa personnummer" }).click();
    await expect.poll(() => page.locator(".identity").innerText()).toBe("19900101-0017");
    await page.getByRole("button", { name: "Dölj personnummer" }).click();

    await page.getByRole("radio", { name: "Kontakt tagen" }).check();
    await page.getByLabel("Anteckning (frivillig)").fill("Samtal med kontaktpersonen på anstalten.");
    await page.getByRole("button", { name: "Registrera" }).click();
    await page.getByRole("status").filter({ hasText: "Registrerat." }).waitFor();
    await page.getByRole("radio", { name: "Planen klar" }).check();
    await page.getByRole("button", { name: "Registrera" }).click();
    const facts = page.locator("dl.facts");
    await expect.poll(() => facts.innerText()).toMatch(/Planens tidsfrist\s+Uppfylld/);
    const history = page.getByRole("table");
    expect(await history.innerText()).toMatch(/Underrättelsen togs emot[\s\S]*Kontakt tagen: Samtal med/);
    expect(await history.innerText()).toContain("Planen klar");
    await expectAccessible(page, "a release notice");
    await screenshot(page, "frigivning");
    expect(errors).toEqual([]);
  });
});
