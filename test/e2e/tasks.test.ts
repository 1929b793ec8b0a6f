/**
 * Uppgifter in a real browser against the real local runtime: Kriminalvården's notice becomes a
 * referral assigned to cw-1001, the release-notices sweep sends the 60-day reminder, and the
 * caseworker finds it among their tasks, marks it done with the keyboard, and sees it move to the
 * done ones; the unit's view shows it too, and the page passes axe. The hotline's on-call worker
 * finds a triage's breached 24 hours in the hotline's inbox and marks it done.
 */
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineBreached } from "../../shared/events/catalogue/deadlines";
import { newEvent } from "../../shared/events/outbox";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser";
import { postJson, postReleaseNotices, signIn, startConsoleRuntime } from "./support/runtime";

/** Thursday 19 November 2026, 09:00 in Sweden (before the real date: the sign-in's token is minted on the real clock). */
const NOW = new Date("2026-11-19T09:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  await postReleaseNotices(runtime, [{ noticeId: "KV-2027-000301", expectedReleaseDate: "2027-01-19" }]);
  await runtime.tick();
  const staff = await runtime.token({
    scope: "referrals:read referrals:manage",
    municipality: "0880",
    sub: "chef",
  });
  const listed = (await (await runtime.request("/v1/referrals?kind=release", { token: staff })).json()) as {
    items: { id: string }[];
  };
  const referralId = listed.items[0]?.id ?? "";
  expect(
    (
      await postJson(
        runtime,
        "/v1/units/mottag-vuxen/caseworkers/cw-1001",
        staff,
        { name: "Karin Lund", capacity: 10 },
        "PUT",
      )
    ).status,
  ).toBe(200);
  expect(
    (await postJson(runtime, `/v1/referrals/${referralId}/assign`, staff, { caseworkerId: "cw-1001" }))
      .status,
  ).toBe(200);
  // Sixty days before the release: the reminder, a task for cw-1001 and a mail.
  runtime.clock.set(new Date("2026-11-20T09:00:00+01:00"));
  await runtime.tick();
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("Uppgifter", () => {
  it("shows the caseworker's reminder, marks it done from the keyboard, and shows it among the done ones", async () => {
    const { page, errors } = await openPage(browser, { now: new Date("2026-11-20T09:00:00+01:00") });
    await signIn(page, runtime.url, { role: "Handläggare i Mottag", municipality: "Kalmar (0880)" });
    await page.getByRole("link", { name: "Uppgifter" }).click();
    await page.getByRole("heading", { name: "Uppgifter", level: 1 }).waitFor();
    const open = page.getByRole("row").filter({ hasText: "Påminnelse: planering inför frigivning" });
    await expect.poll(() => open.count()).toBe(1);
    expect(await open.innerText()).toContain("Mottag vuxen: cw-1001");
    await expectAccessible(page, "the tasks");
    await screenshot(page, "uppgifter");

    const button = page.getByRole("button", { name: "Markera som klar" });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Uppgiften är markerad som klar." }).waitFor();
    await expect.poll(() => page.getByText("Inga öppna uppgifter.").count()).toBe(1);
    const done = page.getByRole("row").filter({ hasText: "Klar " });
    await expect.poll(() => done.count()).toBe(1);

    // The unit's view lists it too.
    await page.getByLabel("Visa").selectOption({ label: "Enhetens uppgifter: Mottag vuxen" });
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await page.getByRole("heading", { name: "Enhetens uppgifter: Mottag vuxen" }).waitFor();
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Klar " }).count()).toBe(1);
    await expectAccessible(page, "a unit's tasks");
    expect(errors).toEqual([]);
  });

  it("gives the on-call worker the hotline's inbox: a triage's breach, marked done, and nothing else", async () => {
    // The hotline's sweep found a triage's 24 hours run out: intake makes it a task in the inbox.
    const breach = newEvent(deadlineBreached, {
      source: "hotline",
      municipality: "0880",
      correlationId: "e2e-triage-breach",
      occurredAt: new Date("2026-11-20T09:00:00+01:00"),
      data: {
        service: "hotline",
        subject: { type: "triage", id: "01KTRIAGE00000000000000E2E" },
        deadline: "triage-24h",
        dueAt: "2026-11-20T08:00:00.000Z",
        breachedAt: "2026-11-20T08:00:00.000Z",
      },
    });
    await runtime.resources.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: runtime.resources.queueUrls.intake,
        MessageBody: JSON.stringify(breach),
      }),
    );
    await runtime.tick();

    const { page, errors } = await openPage(browser, { now: new Date("2026-11-20T09:05:00+01:00") });
    await signIn(page, runtime.url, { role: "Jourhavande socialsekreterare", municipality: "Kalmar (0880)" });
    await page.getByRole("link", { name: "Uppgifter" }).click();
    await page.getByRole("heading", { name: "Enhetens uppgifter: Avhoppartelefonen" }).waitFor();
    // The inbox only: no choice of other units, nor the caseworker's reminder.
    expect(await page.getByLabel("Visa").count()).toBe(0);
    const open = page.getByRole("row").filter({ hasText: "En tidsfrist har passerats" });
    await expect.poll(() => open.count()).toBe(1);
    expect(await open.innerText()).toContain("Avhoppartelefonen: Enhetens inkorg");
    expect(await page.getByText("Påminnelse: planering inför frigivning").count()).toBe(0);
    await expectAccessible(page, "the hotline's inbox");
    await screenshot(page, "uppgifter-jour");

    const button = page.getByRole("button", { name: "Markera som klar" });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Uppgiften är markerad som klar." }).waitFor();
    await expect.poll(() => page.getByText("Inga öppna uppgifter.").count()).toBe(1);
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Klar " }).count()).toBe(1);
    await expectAccessible(page, "the hotline's inbox, done");
    expect(errors).toEqual([]);
  });
});
