/**
 * Reminders and breaches reach a person, through the local runtime: a release notice's 60-day
 * reminder becomes a task for the caseworker assigned to its referral and a mail in the local
 * mailbox; a child's referral nobody took becomes a task for the unit's inbox when its protection
 * assessment runs out; the same reminder delivered again makes no second task or mail.
 */
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { referralListSchema, referralViewSchema } from "../../../services/intake/contract";
import { taskListSchema, taskViewSchema } from "../../../services/intake/contract-tasks";
import { intakeService } from "../../../services/intake/service";
import { taskAuditSubject, taskKey } from "../../../services/intake/store/tasks";
import { releaseNoticesService } from "../../../services/release-notices/service";
import { auditPartition } from "../../../shared/audit-trail";
import { releasePlanReminder } from "../../../shared/events/catalogue/release-notices";
import { newEvent } from "../../../shared/events/outbox";
import { epochSecondsOf } from "../../../shared/retention";
import { provisionForTest } from "../../support/aws";
import { CONTACT } from "../../support/release-notices";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const mailListSchema = z.array(
  z.object({ to: z.array(z.string()), from: z.string(), subject: z.string(), text: z.string() }),
);
const PERSON = "19900101-0017";

let runtime: TestRuntime;
let staff: string;
let caseworker: string;
let kv: string;
beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [releaseNoticesService, intakeService],
    resources: await provisionForTest(["release-notices", "intake"]),
  });
  staff = await runtime.token({
    scope: "referrals:read referrals:manage",
    municipality: "0880",
    sub: "chef-1",
  });
  caseworker = await runtime.token({
    scope: "referrals:read referrals:manage",
    municipality: "0880",
    sub: "cw-2001",
  });
  kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden" });
});
afterAll(() => runtime?.stop());

const call = (path: string, token: string, method = "GET", body?: unknown) =>
  runtime.request(path, {
    method,
    token,
    headers: json,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const setClock = async (now: string) =>
  expect(
    (await runtime.request("/_local/clock", { method: "POST", headers: json, body: JSON.stringify({ now }) }))
      .status,
  ).toBe(200);
const tick = async () =>
  expect((await runtime.request("/_local/tick", { method: "POST", headers: json })).status).toBe(200);
const doc = () => DynamoDBDocumentClient.from(runtime.resources.clients.dynamodb);
/** The task as stored (its TTL is not in the API). */
const storedTask = async (id: string) =>
  (
    await doc().send(
      new GetCommand({ TableName: runtime.resources.tables.intake, Key: taskKey(id), ConsistentRead: true }),
    )
  ).Item;
const taskAuditRows = async (id: string) =>
  (
    await doc().send(
      new QueryCommand({
        TableName: runtime.resources.auditTable,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": auditPartition("intake", taskAuditSubject(id)) },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];
const mails = async () => mailListSchema.parse(await (await runtime.request("/_local/mail")).json());
const tasks = async (query: string, token = caseworker) => {
  const response = await call(`/v1/tasks?${query}`, token);
  expect(response.status).toBe(200);
  return taskListSchema.parse(await response.json()).items;
};

describe("reminders and breaches reach a person", () => {
  let referralId = "";

  it("a reminder becomes a task for the assigned caseworker and a mail in the local mailbox", async () => {
    await setClock("2026-11-23T10:00:00+01:00");
    const notice = await call("/v1/release-notices", kv, "POST", {
      noticeId: "KV-2026-000901",
      municipality: "0880",
      person: { personalIdentityNumber: PERSON },
      institution: "Anstalten Kumla",
      expectedReleaseDate: "2027-01-30",
      releaseType: "conditional",
      needs: ["housing"],
      contact: { ...CONTACT },
    });
    expect(notice.status).toBe(201);
    await tick();
    const releases = referralListSchema.parse(await (await call("/v1/referrals?kind=release", staff)).json());
    referralId = releases.items[0]?.id ?? "";
    expect(
      (
        await call("/v1/units/mottag-vuxen/caseworkers/cw-2001", staff, "PUT", {
          name: "Karin Lund",
          capacity: 10,
        })
      ).status,
    ).toBe(200);
    const assigned = await call(`/v1/referrals/${referralId}/assign`, staff, "POST", {
      caseworkerId: "cw-2001",
    });
    expect(referralViewSchema.parse(await assigned.json()).assignee).toBe("cw-2001");
    expect(await tasks("assignee=me")).toEqual([]);

    // Sixty days before the release: the release-notices sweep sends the reminder.
    await setClock("2026-12-01T08:00:00+01:00");
    await tick();
    const mine = await tasks("assignee=me");
    expect(mine).toEqual([
      expect.objectContaining({
        type: "release-plan-reminder",
        unit: "mottag-vuxen",
        assignee: "cw-2001",
        referralId,
        noticeId: "KV-2026-000901",
        dueAt: "2027-01-29T23:00:00.000Z",
        status: "open",
      }),
    ]);
    const box = await mails();
    expect(box).toHaveLength(1);
    expect(box[0]?.to).toEqual(["cw-2001.0880@kommun.invalid"]);
    expect(box[0]?.subject).toBe("Ny uppgift: Påminnelse: planering inför frigivning (Mottag vuxen)");
    expect(box[0]?.text).toContain(`${runtime.url}/#/uppgifter`);
    // No personal data, and not even the case's ids: the link leads to the console, which checks who asks.
    for (const secret of [PERSON, "19900101", CONTACT.name, referralId, "KV-2026-000901"]) {
      expect(JSON.stringify(box)).not.toContain(secret);
    }
  });

  it("the same reminder again, under the same or another event id, makes no second task or mail", async () => {
    const again = newEvent(releasePlanReminder, {
      source: "release-notices",
      municipality: "0880",
      correlationId: "test-redelivery",
      occurredAt: new Date("2026-12-01T07:00:00Z"),
      data: { noticeId: "KV-2026-000901", daysBeforeRelease: 60, planDueDate: "2027-01-30" },
    });
    const queueUrl = runtime.resources.queueUrls.intake;
    for (const body of [again, again, { ...again, id: "01KB0000000000000000000000" }]) {
      await runtime.resources.clients.sqs.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }),
      );
    }
    await tick();
    expect(await tasks("assignee=me")).toHaveLength(1);
    expect(await mails()).toHaveLength(1);
  });

  it("marked done once: a second time is a conflict, and the open list is empty", async () => {
    const [task] = await tasks("assignee=me");
    const done = await call(`/v1/tasks/${task?.id}/done`, caseworker, "POST");
    expect(done.status).toBe(200);
    expect(taskViewSchema.parse(await done.json())).toMatchObject({ status: "done", doneBy: "cw-2001" });
    expect((await call(`/v1/tasks/${task?.id}/done`, caseworker, "POST")).status).toBe(409);
    expect(await tasks("assignee=me&status=open")).toEqual([]);
    expect((await tasks("unit=mottag-vuxen")).map((t) => [t.id, t.status])).toEqual([[task?.id, "done"]]);
    // Kept a year after it was done (local default): done 1 December 2026, deletable from 2 December 2027.
    const ttl = epochSecondsOf(new Date("2027-12-01T23:00:00Z"));
    expect((await storedTask(task?.id ?? ""))?.expiresAt).toBe(ttl);
    // Who and when, in the audit table, in the same transaction, kept beyond the task; no person.
    const rows = await taskAuditRows(task?.id ?? "");
    expect(rows).toEqual([
      expect.objectContaining({
        taskId: task?.id,
        action: "task-done",
        actor: "cw-2001",
        at: "2026-12-01T07:00:00.000Z",
        municipality: "0880",
      }),
    ]);
    expect(Number(rows[0]?.expiresAt)).toBeGreaterThan(ttl);
    for (const secret of [PERSON, "19900101", CONTACT.name])
      expect(JSON.stringify(rows)).not.toContain(secret);
    const stranger = await runtime.token({ scope: "referrals:read referrals:manage", municipality: "1490" });
    expect((await call(`/v1/tasks/${task?.id}/done`, stranger, "POST")).status).toBe(404);
    expect(await tasks("", stranger)).toEqual([]);
  });

  it("a breach on a referral nobody took goes to the unit's inbox, soonest due first", async () => {
    const school = await runtime.token({ scope: "referrals:write", municipality: "0880", sub: "skola" });
    const posted = await call("/v1/referrals", school, "POST", {
      kind: "concern",
      municipality: "0880",
      subject: { personalIdentityNumber: "20120510-1239" },
      reporter: { role: "school" },
    });
    expect(posted.status).toBe(201);
    // The protection assessment is due by the end of the day after it came in; the morning after, it is breached.
    await setClock("2026-12-03T09:00:00+01:00");
    await tick();
    const inbox = await tasks("unit=mottag-barn&status=open", staff);
    expect(inbox.map((t) => [t.type, t.deadline, t.assignee])).toEqual([
      ["deadline-breached", "protection-assessment", undefined],
    ]);
    // Still to do: no expiry.
    expect((await storedTask(inbox[0]?.id ?? ""))?.expiresAt).toBeUndefined();
    const latest = (await mails())[0];
    expect(latest?.to).toEqual(["mottag-barn.0880@kommun.invalid"]);
    expect(latest?.subject).toBe("Ny uppgift: En tidsfrist har passerats (Mottag barn)");
    expect(latest?.text).toContain(`${runtime.url}/#/uppgifter?unit=mottag-barn`);
  });
});
