/**
 * The task trail on the audit page, in a real browser against the local runtime: a triage's
 * breached 24 hours becomes a task in the hotline's inbox, the on-call worker marks it done, and
 * the auditor finds who did it under "Uppgifter", in words.
 */
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskListSchema } from "../../services/intake/contract-tasks";
import { deadlineBreached } from "../../shared/events/catalogue/deadlines";
import { newEvent } from "../../shared/events/outbox";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage } from "./support/browser";
import { signIn, startConsoleRuntime } from "./support/runtime";

/** Friday 20 November 2026, 09:00 in Sweden (before the real date: the sign-in's token is minted on the real clock). */
const NOW = new Date("2026-11-20T09:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;
let taskId: string;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  const breach = newEvent(deadlineBreached, {
    source: "hotline",
    municipality: "0880",
    correlationId: "e2e-task-trail",
    occurredAt: NOW,
    data: {
      service: "hotline",
      subject: { type: "triage", id: "01KTRIAGE0000000000000TRAIL" },
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
  const onCall = await runtime.token({ scope: "hotline:handle", municipality: "0880", sub: "jour-bo" });
  const listed = taskListSchema.parse(
    await (await runtime.request("/v1/tasks?unit=avhoppartelefonen", { token: onCall })).json(),
  );
  taskId = listed.items[0]?.id ?? "";
  expect(taskId).not.toBe("");
  expect((await runtime.request(`/v1/tasks/${taskId}/done`, { method: "POST", token: onCall })).status).toBe(
    200,
  );
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the auditor on a task's trail", () => {
  it("finds who marked the task done, in words", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Granskare", municipality: "Kalmar (0880)" });
    await page.getByRole("heading", { name: "Granskning", level: 1 }).waitFor();
    const form = page.getByRole("form", { name: "Sök i granskningsloggen" });
    await form.getByLabel("Register").selectOption({ label: "Uppgifter" });
    await form.getByLabel("Uppgiftens id").fill(taskId);
    await form.getByRole("button", { name: "Visa" }).click();

    const trail = page.getByRole("table", { name: `1 händelse för ${taskId}, äldst först` });
    await trail.waitFor();
    const done = trail.getByRole("row").filter({ hasText: "Uppgiften markerades som klar" });
    expect(await done.innerText()).toContain("jour-bo");
    await expectAccessible(page, "a task's trail");
    expect(errors).toEqual([]);
  });
});
