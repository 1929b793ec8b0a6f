/**
 * The hotline's administrator builds Kalmar's on-call schedule in the console, in a real browser
 * against the local runtime: a rotation, a member without a phone, and an override across the
 * spring daylight-saving switch (Sunday 28 March 2027), then reads the four weeks ahead.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser";
import { signIn, startConsoleRuntime } from "./support/runtime";

/** Monday 15 March 2027, 10:00 in Sweden: the switch is less than two weeks ahead. */
const NOW = new Date("2027-03-15T10:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the on-call schedule's administrator", () => {
  it("builds a rotation with an override across the spring switch and sees the timeline and its gaps", async () => {
    // The runtime's clock is before the switch; the browser keeps the real one, since the local
    // sign-in signs its tokens on the real clock and the console ends a session its token outlived.
    const { page, errors } = await openPage(browser, { now: new Date() });
    await signIn(page, runtime.url, {
      role: "Administratör för avhoppartelefonen",
      municipality: "Kalmar (0880)",
    });
    await page.getByRole("heading", { name: "Vem har jour" }).waitFor();
    await page.getByRole("region", { name: "Jour nu" }).getByText("Kommunen har inget jourschema").waitFor();

    const form = page.getByRole("form", { name: "Ändra jourschemat" });
    await form.getByLabel("Avhoppartelefonens nummer").fill("0766860000");
    expect(await form.getByLabel("Tidszon").inputValue()).toBe("Europe/Stockholm");
    await form.getByLabel("Rotationen börjar").fill("2027-03-16");
    await form.getByLabel("Överlämning, klockan").fill("08:00");
    const person = (n: number) => form.getByRole("group", { name: `Person ${n}`, exact: true });
    await person(1).getByLabel("Namn").fill("Anna Lind");
    await person(1).getByLabel("Id").fill("anna");
    await person(1).getByLabel("Telefonnummer").fill("+46701000001");
    await form.getByRole("button", { name: "Lägg till person" }).click();
    await person(2).getByLabel("Namn").fill("Cilla Berg");
    await person(2).getByLabel("Id").fill("cilla");
    const manager = form.getByRole("group", { name: "Chef" });
    await manager.getByLabel("Namn").fill("Maja Holm");
    await manager.getByLabel("Id").fill("maja");
    await manager.getByLabel("Telefonnummer").fill("+46701000009");
    await form.getByRole("button", { name: "Lägg till undantag" }).click();
    const override = form.getByRole("group", { name: "Undantag 1" });
    await override.getByLabel("Vem har jour").selectOption({ label: "Maja Holm (maja)" });
    // The browser is in New York; the times are Sweden's, as the schedule's zone says.
    await override.getByLabel("Från").fill("2027-03-27T18:00");
    await override.getByLabel("Till").fill("2027-03-27T17:00");
    await form
      .getByLabel("Inspelat meddelande (adress)")
      .fill("https://ljud.kalmar.se/avhopp/meddelande.mp3");

    // The API's rules, said next to their fields before anything is sent.
    await form.getByRole("button", { name: "Spara jourschemat" }).click();
    await form
      .locator("#schedule-hotlineNumber-error")
      .getByText("måste vara ett telefonnummer med landsnummer, som +46701234567")
      .waitFor();
    await override.getByText("måste vara efter starten").waitFor();
    expect(await form.getByLabel("Avhoppartelefonens nummer").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "the schedule form with errors");

    await form.getByLabel("Avhoppartelefonens nummer").fill("+46766860000");
    await override.getByLabel("Till").fill("2027-03-29T08:00");
    await form.getByRole("button", { name: "Spara jourschemat" }).click();
    await form.getByRole("status").getByText("Jourschemat är sparat.").waitFor();

    const timeline = page.getByRole("region", { name: "De kommande fyra veckorna" });
    const row = (who: string | RegExp) =>
      timeline.getByRole("row").filter({ has: page.getByRole("rowheader", { name: who }) });
    await row("Maja Holm").waitFor();
    // Saturday 18:00 to Monday 08:00 is 38 hours on the clock, 37 in time: the spring switch.
    const maja = await row("Maja Holm").innerText();
    expect(maja).toContain("lör 27 mars 2027 18:00");
    expect(maja).toContain("mån 29 mars 2027 08:00");
    expect(maja).toMatch(/\b37\b/);
    expect(maja).toContain("Undantag");
    const rows = await timeline.getByRole("rowheader").allInnerTexts();
    expect(rows).toEqual([
      "Ingen har jour",
      "Anna Lind",
      "Cilla Berg",
      "Maja Holm",
      "Cilla Berg",
      "Anna Lind",
      "Cilla Berg",
    ]);
    // Anna's second week starts after the switch: a handoff at 08:00 summer time, 168 hours long.
    const anna = await row("Anna Lind").nth(1).innerText();
    expect(anna).toContain("tis 30 mars 2027 08:00");
    expect(anna).toMatch(/\b168\b/);
    expect(await row("Ingen har jour").innerText()).toContain("Lucka");
    expect(await row("Cilla Berg").first().innerText()).toContain("Saknar telefonnummer");

    const gaps = page.getByRole("region", { name: "Luckor de kommande fyra veckorna" });
    const listed = await gaps.getByRole("listitem").allInnerTexts();
    expect(listed[0]).toBe("Ingen har jour: mån 15 mars 2027 10:00 – tis 16 mars 2027 08:00");
    expect(listed).toContain(
      "Jourhavande saknar telefonnummer (cilla): tis 23 mars 2027 08:00 – lör 27 mars 2027 18:00",
    );
    await expectAccessible(page, "the on-call schedule");
    await screenshot(page, "jourschema");

    // What was saved is what the API holds: the override as instants, Sweden's winter and summer time.
    const admin = await runtime.token({ scope: "hotline:admin", municipality: "0880" });
    const saved = await (await runtime.request("/v1/hotline/schedules/0880", { token: admin })).json();
    expect(saved).toMatchObject({
      timeZone: "Europe/Stockholm",
      rotation: { startDate: "2027-03-16", shiftDays: 7 },
      overrides: [{ memberId: "maja", start: "2027-03-27T17:00:00.000Z", end: "2027-03-29T06:00:00.000Z" }],
      updatedBy: "jour-admin",
    });
    expect(errors).toEqual([]);
  });
});
