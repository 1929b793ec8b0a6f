/**
 * The intake caseworker's day in the console, in a real browser against the real local runtime: a
 * school's concern report arrives through the API, and a caseworker takes it from the worklist
 * through skyddsbedömning and beslut to assignment.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, PHONE, screenshot } from "./support/browser";
import { postJson, postSchoolConcern, signIn, startConsoleRuntime } from "./support/runtime";

/** Monday 23 November 2026, 10:00 in Sweden. */
const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = "Kalmar (0880)";

let runtime: TestRuntime;
let browser: Browser;
let referralId: string;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  const manager = await runtime.token({
    scope: "referrals:manage",
    municipality: "0880",
    sub: "mottag-chef",
  });
  referralId = await postSchoolConcern(runtime, "kalmar-skola-2026-0042");
  for (const [id, name, capacity] of [
    ["cw-1001", "Karin Lund", 20],
    ["cw-1002", "Omar Said", 15],
  ] as const) {
    const put = await postJson(
      runtime,
      `/v1/units/mottag-barn/caseworkers/${id}`,
      manager,
      { name, capacity },
      "PUT",
    );
    expect(put.status).toBe(200);
  }
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the intake caseworker's console", () => {
  it("takes a concern report from arrival through skyddsbedömning and beslut to assignment", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await page.goto(`${runtime.url}/`);
    await expectAccessible(page, "the start page");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("heading", { name: "Logga in lokalt" }).waitFor();
    await expectAccessible(page, "the local sign-in page");
    await screenshot(page, "logga-in-lokalt");

    await signIn(page, runtime.url, { role: "Handläggare i Mottag", municipality: KALMAR, sub: "cw-1001" });
    await page.getByRole("heading", { name: "Arbetslista" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Orosanmälan" });
    await expect.poll(() => row.count()).toBe(1);
    // The protection assessment is due when 24 November ends in Sweden: 1 day and 14 hours from now.
    expect(await row.innerText()).toMatch(/Skyddsbedömning\s+◔?\s*Snart\s+1 dag och 14 timmar kvar/);
    expect(await row.innerText()).toContain("Mottag barn");
    await expectAccessible(page, "the worklist");
    await screenshot(page, "arbetslista");

    await row.getByRole("link", { name: "Orosanmälan" }).click();
    await page.getByRole("heading", { name: "Orosanmälan", level: 1 }).waitFor();
    const history = page.getByRole("region", { name: "Historik" });
    const reads = history.getByRole("row").filter({ hasText: "Ärendet lästes med personuppgifter" });
    await expect.poll(() => reads.count()).toBe(1);

    // The identity number is hidden until asked for, and asking is a read the audit trail shows.
    const identity = page.getByRole("region", { name: "Personnummer" });
    expect(await identity.innerText()).toContain("Dolt");
    expect(await page.content()).not.toContain("1239");
    await identity.getByRole("button", { name: "Visa personnummer" }).click();
    await identity.getByText("20120510-1239").waitFor();
    await expect.poll(() => reads.count()).toBe(2);

    // A form sends nothing incomplete: the missing answers are named beside their fields.
    const decision = page.getByRole("form", { name: "Beslut om utredning" });
    await decision.getByRole("button", { name: "Registrera beslut" }).click();
    await decision.getByRole("alert").getByText("Rätta fälten som är markerade").waitFor();
    expect(await decision.getByText("måste fyllas i").count()).toBe(2);

    const protection = page.getByRole("form", { name: "Skyddsbedömning" });
    await protection.getByRole("radio", { name: "Nej, inget omedelbart skydd behövs" }).check();
    await protection.getByLabel("Anteckning (frivillig)").fill("Talat med vårdnadshavare samma dag.");
    await protection.getByRole("button", { name: "Registrera skyddsbedömning" }).click();
    await page.getByRole("status").getByText("Sparat.").waitFor();
    const deadlines = page.getByRole("region", { name: "Tidsfrister" });
    await deadlines.getByRole("row", { name: /Skyddsbedömning.*Klar i tid/ }).waitFor();

    await decision.getByRole("radio", { name: "Ja, inled utredning" }).check();
    await decision.getByLabel("Skäl").fill("Oro för att barnet dras in i kriminalitet.");
    await decision.getByRole("button", { name: "Registrera beslut" }).click();
    await deadlines.getByRole("row", { name: /Utredning.*Pågår/ }).waitFor();
    await page.getByRole("region", { name: "Uppgifter" }).getByText("Utredning pågår").waitFor();

    // Karin has the lighter caseload relative to capacity (0 of 20 against 0 of 15, then by id).
    const assign = page.getByRole("form", { name: "Tilldela handläggare" });
    await assign.getByRole("radio", { name: "Låt systemet välja (lägst belastning: Karin Lund)" }).check();
    await assign.getByRole("button", { name: "Tilldela" }).click();
    await assign.getByText("Tilldelat: cw-1001").waitFor();
    await assign.getByRole("radio", { name: /Karin Lund – 1 av 20/ }).waitFor();
    await history.getByRole("row", { name: /cw-1001.*Handläggare tilldelades/ }).waitFor();
    await expectAccessible(page, "the referral");
    await screenshot(page, "arende");

    await page.getByRole("link", { name: "Till arbetslistan" }).click();
    await page.getByLabel("Bara mina ärenden").check();
    await page.getByRole("button", { name: "Visa" }).click();
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Utredning pågår" }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("shows the API's problem in words beside the field it concerns", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Chef för Mottag", municipality: KALMAR });
    await page.getByRole("link", { name: "Handläggare" }).click();
    await page.getByRole("heading", { name: "Handläggare", level: 1 }).waitFor();
    await page.getByRole("row", { name: /Karin Lund.*1 av 20/ }).waitFor();
    const form = page.getByRole("form", { name: "Lägg till eller ändra handläggare" });
    await form.getByLabel("Användar-id").fill("cw-1003");
    await form.getByLabel("Namn").fill("Sara Nilsson");
    const capacity = form.getByLabel("Kapacitet (ärenden)");
    await capacity.fill("många");
    await form.getByRole("button", { name: "Spara" }).click();
    await form.locator("#cw-capacity-error").getByText("måste vara ett heltal").waitFor();
    // The API takes at most 200: its 400 names `capacity`, and the console says the rule at that field.
    await capacity.fill("500");
    await form.getByRole("button", { name: "Spara" }).click();
    await form.locator("#cw-capacity-error").getByText("får vara högst 200").waitFor();
    expect(await capacity.getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByRole("alert").innerText()).toContain("Uppgifterna kunde inte tas emot");
    await expectAccessible(page, "the caseworkers with an error");
    await capacity.fill("12");
    await form.getByRole("button", { name: "Spara" }).click();
    await form.getByText("Sara Nilsson är sparad.").waitFor();
    await page.getByRole("row", { name: /Sara Nilsson.*0 av 12/ }).waitFor();
    await screenshot(page, "handlaggare");
    expect(errors).toEqual([]);
  });

  it("says when the server cannot be reached, and reads again when it can", async () => {
    const { context, page } = await openPage(browser, { now: NOW, viewport: PHONE });
    await signIn(page, runtime.url, { role: "Handläggare i Mottag", municipality: KALMAR, sub: "cw-1001" });
    await page.getByRole("row").filter({ hasText: "Orosanmälan" }).first().waitFor();
    await screenshot(page, "arbetslista-mobil");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Läs in igen" }).click();
    await page.getByRole("status").getByText("Ingen kontakt med servern. Försöker igen …").waitFor();
    await context.setOffline(false);
    await page
      .getByRole("status")
      .getByText("Kontakten med servern är tillbaka.")
      .waitFor({ timeout: 10_000 });
    await page.getByRole("row").filter({ hasText: "Orosanmälan" }).first().waitFor();
  });

  it("shows a worker of another municipality none of it", async () => {
    const { page } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Handläggare i Mottag", municipality: "Stockholm (0180)" });
    await page.getByText("Inga ärenden matchar urvalet.").waitFor();
    await page.goto(`${runtime.url}/#/arenden/${referralId}`);
    await page.getByText("Ärendet finns inte, eller så har du inte behörighet att se det.").first().waitFor();
    expect(await page.content()).not.toContain("Eleven har berättat");
  });
});
