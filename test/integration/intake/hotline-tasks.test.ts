/**
 * The hotline's on-call staff (`hotline:handle`, no `referrals:read`) get a triage's breached 24
 * hours as a task in the hotline's inbox and a mail; through the local runtime they list that inbox
 * and mark its tasks done, and nothing else: no other unit's tasks, no other municipality's.
 */
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { taskListSchema, taskViewSchema } from "../../../services/intake/contract-tasks";
import { intakeService } from "../../../services/intake/service";
import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import { newEvent } from "../../../shared/events/outbox";
import { provisionForTest } from "../../support/aws";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const TRIAGE = "01KTRIAGE00000000000000088";
const BORAS_TRIAGE = "01KTRIAGE00000000000000149";

let runtime: TestRuntime;
let onCall: string;
let borasOnCall: string;
let intakeStaff: string;
beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [intakeService],
    resources: await provisionForTest(["intake"]),
  });
  onCall = await runtime.token({ scope: "hotline:handle", municipality: "0880", sub: "jour-kalmar" });
  borasOnCall = await runtime.token({ scope: "hotline:handle", municipality: "1490", sub: "jour-boras" });
  intakeStaff = await runtime.token({
    scope: "referrals:read referrals:manage",
    municipality: "0880",
    sub: "chef-1",
  });
});
afterAll(() => runtime?.stop());

const call = (path: string, token: string, method = "GET") => runtime.request(path, { method, token });
const setClock = async (now: string) =>
  expect(
    (await runtime.request("/_local/clock", { method: "POST", headers: json, body: JSON.stringify({ now }) }))
      .status,
  ).toBe(200);
const tick = async () =>
  expect((await runtime.request("/_local/tick", { method: "POST", headers: json })).status).toBe(200);
const list = async (query: string, token: string) => {
  const response = await call(`/v1/tasks?${query}`, token);
  expect(response.status).toBe(200);
  return taskListSchema.parse(await response.json()).items;
};

/** The hotline service's breach of a triage's 24 hours, as it reaches intake's queue. */
const breach = (municipality: string, triageId: string) =>
  runtime.resources.clients.sqs.send(
    new SendMessageCommand({
      QueueUrl: runtime.resources.queueUrls.intake,
      MessageBody: JSON.stringify(
        newEvent(deadlineBreached, {
          source: "hotline",
          municipality,
          correlationId: `test-${triageId}`,
          occurredAt: new Date("2026-12-02T09:00:00Z"),
          data: {
            service: "hotline",
            subject: { type: "triage", id: triageId },
            deadline: "triage-24h",
            dueAt: "2026-12-02T09:00:00.000Z",
            breachedAt: "2026-12-02T09:00:00.000Z",
          },
        }),
      ),
    }),
  );

describe("the on-call staff work the hotline's inbox", () => {
  let taskId = "";
  let borasTaskId = "";

  it("see a triage's breach in the hotline's inbox", async () => {
    await setClock("2026-12-02T10:05:00+01:00");
    await breach("0880", TRIAGE);
    await breach("1490", BORAS_TRIAGE);
    await tick();
    const inbox = await list("unit=avhoppartelefonen", onCall);
    expect(inbox.map((t) => [t.type, t.unit, t.triageId, t.deadline, t.status])).toEqual([
      ["deadline-breached", "avhoppartelefonen", TRIAGE, "triage-24h", "open"],
    ]);
    taskId = inbox[0]?.id ?? "";
    // And a mail to the inbox, linking to it in the console.
    const mails = z
      .array(z.object({ to: z.array(z.string()), text: z.string() }))
      .parse(await (await runtime.request("/_local/mail")).json());
    const kalmar = mails.find((m) => m.to.includes("avhoppartelefonen.0880@kommun.invalid"));
    expect(kalmar?.text).toContain(`${runtime.url}/#/uppgifter?unit=avhoppartelefonen`);
    borasTaskId = (await list("unit=avhoppartelefonen", borasOnCall))[0]?.id ?? "";
    expect(borasTaskId).not.toBe("");
  });

  it("cannot list any other unit, their own tasks or everything (403)", async () => {
    for (const query of ["", "unit=mottag-barn", "assignee=me", "status=open"])
      expect((await call(`/v1/tasks?${query}`, onCall)).status, query).toBe(403);
    const other = await runtime.token({ scope: "release-notices:read", municipality: "0880" });
    expect((await call("/v1/tasks?unit=avhoppartelefonen", other)).status).toBe(403);
  });

  it("cannot complete another municipality's task (404) or a task outside the hotline's inbox (403)", async () => {
    expect((await call(`/v1/tasks/${borasTaskId}/done`, onCall, "POST")).status).toBe(404);
    // A breach on a referral nobody took: the child unit's inbox.
    const school = await runtime.token({ scope: "referrals:write", municipality: "0880", sub: "skola" });
    const posted = await runtime.request("/v1/referrals", {
      method: "POST",
      token: school,
      headers: json,
      body: JSON.stringify({
        kind: "concern",
        municipality: "0880",
        subject: { personalIdentityNumber: "20120510-1239" },
        reporter: { role: "school" },
      }),
    });
    expect(posted.status).toBe(201);
    await setClock("2026-12-04T09:00:00+01:00");
    await tick();
    const childInbox = await list("unit=mottag-barn&status=open", intakeStaff);
    expect(childInbox).toHaveLength(1);
    expect((await call(`/v1/tasks/${childInbox[0]?.id}/done`, onCall, "POST")).status).toBe(403);
    expect(await list("unit=mottag-barn&status=open", intakeStaff)).toHaveLength(1);
  });

  it("mark a hotline task done, once; intake's staff see it done", async () => {
    const done = await call(`/v1/tasks/${taskId}/done`, onCall, "POST");
    expect(done.status).toBe(200);
    expect(taskViewSchema.parse(await done.json())).toMatchObject({ status: "done", doneBy: "jour-kalmar" });
    expect((await call(`/v1/tasks/${taskId}/done`, onCall, "POST")).status).toBe(409);
    expect((await list("unit=avhoppartelefonen&status=done", intakeStaff)).map((t) => t.id)).toEqual([
      taskId,
    ]);
    // Another municipality's on-call staff still have their own open.
    expect((await list("unit=avhoppartelefonen&status=open", borasOnCall)).map((t) => t.id)).toEqual([
      borasTaskId,
    ]);
  });
});
