/**
 * Kriminalvården's page, in a real browser against the local runtime: its integrator registers the
 * receiver of status changes (with a secret the console makes), reads the status of a notice its
 * system posted, and removes the receiver again.
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
  await postReleaseNotices(runtime, [{ noticeId: "KV-2027-000301", expectedReleaseDate: "2027-01-08" }]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("Kriminalvården's integrator", () => {
  it("registers the receiver, reads a notice's status and removes the receiver", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Kriminalvården" });
    await page.getByRole("heading", { name: "Kriminalvårdens underrättelser" }).waitFor();
    const receiver = page.getByRole("region", { name: "Mottagare av statusändringar" });
    await receiver.getByText("Ingen mottagare är registrerad").waitFor();

    const form = receiver.getByRole("form", { name: "Registrera mottagaren" });
    await form.getByLabel("Mottagarens adress").fill("https://kv.example/statuses");
    await form.getByRole("button", { name: "Registrera mottagaren" }).click();
    await form.locator("#receiver-secret-error").getByText("måste fyllas i").waitFor();
    await form.getByLabel("Hemlighet").fill("whsec_kort");
    await form.getByRole("button", { name: "Registrera mottagaren" }).click();
    await form.locator("#receiver-secret-error").getByText("måste vara whsec_").waitFor();
    await expectAccessible(page, "the receiver form with errors");
    await form.getByRole("button", { name: "Skapa en hemlighet" }).click();
    expect(await form.getByLabel("Hemlighet").inputValue()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await form.getByRole("button", { name: "Registrera mottagaren" }).click();
    await receiver.getByRole("status").getByText("Mottagaren är registrerad.").waitFor();
    await receiver.getByRole("definition").filter({ hasText: "https://kv.example/statuses" }).waitFor();
    // The secret is never shown back, not even to the client that set it.
    expect(
      await receiver.getByRole("form", { name: "Byt mottagare" }).getByLabel("Hemlighet").inputValue(),
    ).toBe("");

    const lookup = page.getByRole("region", { name: "Status för en underrättelse" });
    await lookup.getByLabel("Underrättelsens id").fill("KV-2027-000301");
    await lookup.getByRole("button", { name: "Visa status" }).click();
    const row = lookup.getByRole("row").filter({ hasText: "KV-2027-000301" });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("Kalmar");
    expect(text).toContain("8 jan. 2027");
    expect(text).toContain("Mottagen");
    expect(text).toContain("45 dagar, sen underrättelse");
    expect(await page.content()).not.toContain("19900101");
    await lookup.getByLabel("Underrättelsens id").fill("KV-2027-999999");
    await lookup.getByRole("button", { name: "Visa status" }).click();
    await lookup.getByText("Det finns inte, eller så har du inte behörighet att se det.").waitFor();
    await expectAccessible(page, "Kriminalvården's page");
    await screenshot(page, "underrattelser");

    await receiver.getByRole("button", { name: "Ta bort mottagaren" }).click();
    await receiver.getByRole("button", { name: "Ja, ta bort" }).click();
    await receiver.getByText("Ingen mottagare är registrerad").waitFor();
    await receiver.getByRole("status").getByText("Mottagaren är borttagen.").waitFor();
    expect(errors).toEqual([]);
  });
});
