/**
 * Kommunens administratör keeps Kalmar's settings in the console, in a real browser against the
 * local runtime: a four-month release-notice lead agreed with Kriminalvården (a local agreement),
 * from 1 March 2027; a bad value and a date in the past are refused at their fields first.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser";
import { signIn, startConsoleRuntime } from "./support/runtime";

/** Friday 15 January 2027, 10:00 in Sweden. */
const NOW = new Date("2027-01-15T10:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the municipality's administrator", () => {
  it("sets a four-month release lead from a date, after the field errors, and reads it in the history", async () => {
    // The browser keeps the real clock: the local sign-in signs its tokens on it (see on-call-schedule).
    const { page, errors } = await openPage(browser, { now: new Date() });
    await signIn(page, runtime.url, { role: "Kommunens administratör", municipality: "Kalmar (0880)" });
    // The role's start page, and the only page its menu offers.
    await page.getByRole("heading", { name: "Kommunens inställningar", level: 1 }).waitFor();
    expect(
      await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allInnerTexts(),
    ).toEqual(["Inställningar"]);

    const inForce = page.getByRole("region", { name: "Gäller i dag" });
    await inForce.getByText("Kommunen har inte ändrat något: standardvärdena gäller.").waitFor();
    const leadRow = inForce.getByRole("row", { name: /Framförhållning vid frigivning/ });
    expect(await leadRow.getByRole("cell").allInnerTexts()).toEqual([
      "3 månader",
      "3 månader",
      expect.stringContaining("en lokal överenskommelse, ingen lag"),
    ]);
    const targetRow = inForce.getByRole("row", { name: /Mål för utredning om vuxen/ });
    expect(await targetRow.innerText()).toContain("aldrig en lagstadgad tidsfrist");

    const form = page.getByRole("form", { name: "Ändra inställningarna" });
    const lead = form.getByLabel("Framförhållning vid frigivning (månader)");
    const from = form.getByLabel("Gäller från");
    expect(await from.inputValue()).toBe("2027-01-15");
    expect(await lead.inputValue()).toBe("3");
    // The limits are the API's: said under the field before anything is typed.
    await form.getByText(/Ett heltal från 1 till 12\. Standard: 3 månader\./).waitFor();

    // A bad value is named at its field in the browser, before anything is sent.
    await lead.fill("13");
    await form.getByRole("button", { name: "Spara inställningarna" }).click();
    await form.locator("#settings-releaseNoticeLeadMonths-error").getByText("får vara högst 12").waitFor();
    expect(await lead.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "the settings form with an error");

    // A date in the past is the API's to refuse (422): its words, at the date field.
    await lead.fill("4");
    await from.fill("2027-01-14");
    await form.getByRole("button", { name: "Spara inställningarna" }).click();
    await form
      .locator("#settings-effectiveFrom-error")
      .getByText("måste vara i dag (2027-01-15) eller senare")
      .waitFor();
    expect(await form.locator("#settings-releaseNoticeLeadMonths-error").count()).toBe(0);

    await from.fill("2027-03-01");
    const preview = form.getByRole("region", { name: "Det här ändras" });
    await preview
      .getByRole("listitem")
      .filter({ hasText: "Framförhållning vid frigivning (månader): 3 månader → 4 månader" })
      .waitFor();
    await form.getByRole("button", { name: "Spara inställningarna" }).click();
    const confirmation = form.getByRole("status");
    await confirmation.getByText("Inställningarna är sparade. Från 1 mars 2027 ändras:").waitFor();
    expect(await confirmation.getByRole("listitem").allInnerTexts()).toEqual([
      "Framförhållning vid frigivning (månader): 3 månader → 4 månader",
    ]);

    // Today is unchanged; the change waits for its date, and the history says who made it.
    expect(await leadRow.getByRole("cell").first().innerText()).toBe("3 månader");
    const scheduled = page.getByRole("region", { name: "Planerade ändringar" });
    await scheduled.getByRole("heading", { name: "Från 1 mars 2027 (ändrat av kommun-admin)" }).waitFor();
    const history = page.getByRole("region", { name: "Historik" });
    const rows = history.getByRole("row").filter({ has: page.getByRole("cell", { name: "kommun-admin" }) });
    expect(await rows.count()).toBe(1);
    const entry = await rows.first().innerText();
    expect(entry).toContain("fre 15 jan. 2027");
    expect(entry).toContain("1 mars 2027");
    expect(entry).toContain("Framförhållning vid frigivning (månader): 3 månader → 4 månader");
    await expectAccessible(page, "the settings page after a change");
    await screenshot(page, "installningar");

    // What was saved is what the API holds: only the lead chosen, the rest left to their defaults.
    const admin = await runtime.token({ scope: "settings:admin", municipality: "0880" });
    const saved = await (await runtime.request("/v1/municipalities/0880/settings", { token: admin })).json();
    expect(saved).toMatchObject({
      inForce: { since: null, settings: { releaseNoticeLeadMonths: 3 } },
      scheduled: [
        {
          effectiveFrom: "2027-03-01",
          chosen: { releaseNoticeLeadMonths: 4 },
          settings: { releaseNoticeLeadMonths: 4, firstOffenceConversationHours: 48 },
          changedBy: "kommun-admin",
        },
      ],
    });
    const { scheduled: held } = z
      .object({ scheduled: z.array(z.object({ chosen: z.record(z.string(), z.unknown()) })) })
      .parse(saved);
    expect(Object.keys(held[0]?.chosen ?? {})).toEqual(["releaseNoticeLeadMonths"]);
    expect(errors).toEqual([]);
  });

  it("adds a routing override by keyboard, is told a child always goes to Mottag barn, and replaces the scheduled lead", async () => {
    // An hour after the first change: with the clock pinned, both would be made at the same instant.
    runtime.clock.set(new Date(NOW.getTime() + 60 * 60_000));
    const { page, errors } = await openPage(browser, { now: new Date() });
    await signIn(page, runtime.url, { role: "Kommunens administratör", municipality: "Kalmar (0880)" });
    const form = page.getByRole("form", { name: "Ändra inställningarna" });
    await form.getByLabel("Gäller från").fill("2027-02-01");
    // A change from 1 February replaces the four months scheduled from 1 March: said before saving.
    const preview = form.getByRole("region", { name: "Det här ändras" });
    await preview.getByText(/Det här blir aldrig av/).waitFor();
    await preview
      .getByRole("listitem")
      .filter({ hasText: "Från 1 mars 2027 (ändrat av kommun-admin)" })
      .waitFor();

    await form.getByRole("button", { name: "Lägg till undantag" }).press("Enter");
    const rule = form.getByRole("group", { name: "Undantag 1", exact: true });
    await rule.getByLabel("Enhet").selectOption({ label: "Mottag vuxen" });
    await rule.getByRole("checkbox", { name: "Från polisen" }).press("Space");
    await rule.getByLabel("Från ålder").fill("15");
    await rule.getByLabel("Till och med ålder").fill("24");
    await rule.getByLabel("Till och med ålder").press("Enter");
    await rule
      .getByText(
        "måste vara minst 18 för en annan enhet än Mottag barn: ett barns ärende går alltid till Mottag barn",
      )
      .waitFor();
    expect(await rule.getByLabel("Från ålder").getAttribute("aria-invalid")).toBe("true");

    await rule.getByLabel("Från ålder").fill("18");
    await rule.getByLabel("Från ålder").press("Enter");
    const confirmation = form.getByRole("status");
    await confirmation.getByText("Inställningarna är sparade. Från 1 feb. 2027 ändras:").waitFor();
    expect(await confirmation.getByRole("listitem").allInnerTexts()).toEqual([
      "Dirigering: Inga undantag: den nationella tabellen gäller → Mottag vuxen: Från polisen, 18–24 år",
    ]);

    const scheduled = page.getByRole("region", { name: "Planerade ändringar" });
    await scheduled.getByRole("heading", { name: "Från 1 feb. 2027 (ändrat av kommun-admin)" }).waitFor();
    expect(await scheduled.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual([
      "Från 1 feb. 2027 (ändrat av kommun-admin)",
    ]);
    const history = page.getByRole("region", { name: "Historik" });
    const march = history.getByRole("row").filter({ hasText: "1 mars 2027" });
    await march.getByText("Ersattes innan den började gälla").waitFor();
    await expectAccessible(page, "the settings page with a routing override");
    expect(errors).toEqual([]);
  });
});
