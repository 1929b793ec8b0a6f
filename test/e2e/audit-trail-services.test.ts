/**
 * Every service's trail on the audit page, in a real browser against the local runtime: Mottag
 * vuxen reads a release notice with the person's identity number, the hotline's administrator
 * saves the on-call schedule, and the auditor finds both, by record, person and day.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage } from "./support/browser";
import { postJson, postReleaseNotices, signIn, startConsoleRuntime } from "./support/runtime";

/** Thursday 26 November 2026, 10:00 in Sweden (before the real date: the sign-in's token is minted on the real clock). */
const NOW = new Date("2026-11-26T10:00:00+01:00");
const NOTICE_ID = "KV-2026-E2E-GRANSKNING";

let runtime: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  await postReleaseNotices(runtime, [{ noticeId: NOTICE_ID, expectedReleaseDate: "2027-03-15" }]);
  const staff = await runtime.token({
    scope: "release-notices:read release-notices:manage",
    municipality: "0880",
    sub: "mottag-vuxen-1",
  });
  expect((await runtime.request(`/v1/release-notices/${NOTICE_ID}`, { token: staff })).status).toBe(200);

  runtime.clock.set(new Date("2026-11-26T11:30:00+01:00"));
  const admin = await runtime.token({ scope: "hotline:admin", municipality: "0880", sub: "jour-admin" });
  const schedule = await postJson(
    runtime,
    "/v1/hotline/schedules/0880",
    admin,
    {
      hotlineNumber: "+46766860000",
      timeZone: "Europe/Stockholm",
      handoffTime: "08:00",
      rotation: {
        startDate: "2026-11-23",
        shiftDays: 7,
        members: [{ id: "anna", name: "Anna Lind", phone: "+46701000001" }],
      },
      overrides: [],
      manager: { id: "maja", name: "Maja Holm", phone: "+46701000009" },
      ringSeconds: 25,
    },
    "PUT",
  );
  expect(schedule.status).toBe(201);
  runtime.clock.set(NOW);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const search = (page: Page) => page.getByRole("form", { name: "Sök i granskningsloggen" });

const ask = async (
  page: Page,
  asked: { source: string; recordLabel: string; record: string; actor?: string; day?: string },
) => {
  const form = search(page);
  await form.getByLabel("Register").selectOption({ label: asked.source });
  await form.getByLabel(asked.recordLabel).fill(asked.record);
  await form.getByLabel("Person (användar-id, frivilligt)").fill(asked.actor ?? "");
  await form.getByLabel("Från och med (frivilligt)").fill(asked.day ?? "");
  await form.getByLabel("Till och med (frivilligt)").fill(asked.day ?? "");
  await form.getByRole("button", { name: "Visa" }).click();
};

describe("the auditor, across the services", () => {
  it("finds a release notice's identity read and the on-call schedule's save", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Granskare", municipality: "Kalmar (0880)" });
    await page.getByRole("heading", { name: "Granskning", level: 1 }).waitFor();

    await ask(page, {
      source: "Underrättelser inför frigivning",
      recordLabel: "Underrättelsens id (Kriminalvårdens)",
      record: NOTICE_ID,
      actor: "mottag-vuxen-1",
      day: "2026-11-26",
    });
    const notice = page.getByRole("table", { name: `1 händelse för ${NOTICE_ID}, äldst först` });
    await notice.waitFor();
    const read = notice.getByRole("row").filter({ hasText: "Underrättelsen lästes med personuppgifter" });
    expect(await read.innerText()).toContain("mottag-vuxen-1");
    expect(await read.innerText()).toContain("tors 26 nov. 2026 10:00");
    expect(await page.content()).not.toContain("19900101");
    await expectAccessible(page, "a release notice's trail");

    // Without the person: Kriminalvården's post is in the notice's trail too.
    await ask(page, {
      source: "Underrättelser inför frigivning",
      recordLabel: "Underrättelsens id (Kriminalvårdens)",
      record: NOTICE_ID,
    });
    await page
      .getByRole("table", { name: `2 händelser för ${NOTICE_ID}, äldst först` })
      .getByRole("row")
      .filter({ hasText: "Underrättelsen togs emot från Kriminalvården" })
      .getByText("kriminalvarden-system")
      .waitFor();

    await ask(page, {
      source: "Avhoppartelefonen: jourschema",
      recordLabel: "Kommunkod (fyra siffror)",
      record: "0880",
      day: "2026-11-26",
    });
    const schedule = page.getByRole("table", { name: "1 händelse för 0880, äldst först" });
    await schedule.waitFor();
    const saved = schedule.getByRole("row").filter({ hasText: "Jourschemat sparades" });
    expect(await saved.innerText()).toContain("jour-admin");
    expect(await saved.innerText()).toContain("tors 26 nov. 2026 11:30");
    expect(await page.content()).not.toContain("+46701000001");
    await expectAccessible(page, "the on-call schedule's trail");

    // The day before, nothing: the period is applied by the hotline's route.
    await ask(page, {
      source: "Avhoppartelefonen: jourschema",
      recordLabel: "Kommunkod (fyra siffror)",
      record: "0880",
      day: "2026-11-25",
    });
    await page.getByText("Inga händelser matchar sökningen.").waitFor();
    expect(errors).toEqual([]);
  });
});
