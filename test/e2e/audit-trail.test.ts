/**
 * The audit trail in a real browser against the local runtime: a school reports a concern, a
 * caseworker reads the referral with the child's identity number (a read the API audits), and an
 * auditor finds that read by the referral, the person and the day, and downloads it as CSV.
 */
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser";
import { postSchoolConcern, signIn, startConsoleRuntime } from "./support/runtime";

/** Wednesday 25 November 2026, 14:00 in Sweden (before the real date: the sign-in's token is minted on the real clock). */
const NOW = new Date("2026-11-25T14:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;
let referralId: string;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  referralId = await postSchoolConcern(runtime, "kalmar-skola-2026-0077");
  const caseworker = await runtime.token({ scope: "referrals:read", municipality: "0880", sub: "cw-1001" });
  const read = await runtime.request(`/v1/referrals/${referralId}`, { token: caseworker });
  expect(read.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the auditor", () => {
  it("finds the read of an identity number by record, person and day, and downloads it as CSV", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Granskare", municipality: "Kalmar (0880)" });
    await page.getByRole("heading", { name: "Granskning", level: 1 }).waitFor();
    const search = page.getByRole("form", { name: "Sök i granskningsloggen" });
    await search.getByRole("button", { name: "Visa" }).click();
    await search.locator("#audit-record-error").getByText("måste fyllas i").waitFor();

    await search.getByLabel("Ärendets id").fill(referralId);
    await search.getByLabel("Person (användar-id, frivilligt)").fill("cw-1001");
    await search.getByLabel("Från och med (frivilligt)").fill("2026-11-25");
    await search.getByLabel("Till och med (frivilligt)").fill("2026-11-24");
    await search.getByRole("button", { name: "Visa" }).click();
    await search.locator("#audit-to-error").getByText("får inte vara före startdatumet").waitFor();
    await search.getByLabel("Till och med (frivilligt)").fill("2026-11-25");
    await search.getByRole("button", { name: "Visa" }).click();

    const table = page.getByRole("table", { name: /^1 händelse för/ });
    await table.waitFor();
    expect(await search.locator(".field-error").count()).toBe(0);
    const row = table.getByRole("row").filter({ hasText: "Ärendet lästes med personuppgifter" });
    expect(await row.innerText()).toContain("cw-1001");
    expect(await row.innerText()).toContain("ons 25 nov. 2026 14:00");
    // The school's report is in the record's trail, but not by the person asked for.
    expect(await page.getByText("skola-kalmar").count()).toBe(0);
    expect(await page.content()).not.toContain("20120510");
    await expectAccessible(page, "the audit trail");
    await screenshot(page, "granskning");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ner som CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`granskning-${referralId}.csv`);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"Tidpunkt","Person","Vad","Åtgärd (kod)","Post","Referens"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(
        `^"2026-11-25T13:00:00(\\.000)?Z","cw-1001","Ärendet lästes med personuppgifter","read","${referralId}","[^"]+"$`,
      ),
    );

    // Without the person, the whole day's trail: the school's report too.
    await search.getByLabel("Person (användar-id, frivilligt)").fill("");
    await search.getByRole("button", { name: "Visa" }).click();
    await page
      .getByRole("table", { name: /^2 händelser för/ })
      .getByText("skola-kalmar")
      .waitFor();
    expect(errors).toEqual([]);
  });
});
