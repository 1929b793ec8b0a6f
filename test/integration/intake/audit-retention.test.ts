/**
 * GET /v1/audit once the record is gone: the rows record their municipality, so a referral's or a
 * task's trail (kept two years beyond it) is still read by that municipality's auditor after the
 * TTL removed the record, and by nobody else's. Rows written before the municipality was recorded
 * are shown only while their record exists. The task trail (`?task=`), and a national auditor who
 * names the municipality, as on the other services' audit routes.
 */
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { auditListSchema, referralViewSchema } from "../../../services/intake/contract";
import { createHandler as createCompleteTask } from "../../../services/intake/handlers/complete-task";
import { auditSubject, referralKey } from "../../../services/intake/store/keys";
import { listTasks, taskKey } from "../../../services/intake/store/tasks";
import { auditPartition } from "../../../shared/audit-trail";
import { releasePlanReminder } from "../../../shared/events/catalogue/release-notices";
import { newEvent } from "../../../shared/events/outbox";
import { problemSchema } from "../../../shared/http/problem";
import { type Claims, httpEvent } from "../../support/http";
import { PERSON } from "../../support/identities";
import { type IntakeFixture, intakeFixture, referralBody, staff } from "../../support/intake";
import { noticeReceived } from "../../support/intake-events";
import { type Answer, invokeHttp } from "../../support/lambda";

const KALMAR = staff("0880", "granskare-kalmar");
const BORAS = staff("1490", "granskare-boras");
const NATIONAL: Claims = { sub: "ivo-granskare", scope: "audit:read national" };

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(new Date("2026-12-01T07:00:00Z"));
});

const actions = (answer: Answer) => {
  expect(answer.status).toBe(200);
  return auditListSchema.parse(answer.body).items.map((e) => e.action);
};
/** As the TTL would: the record's item deleted, its audit rows left. */
const expire = (key: Record<string, string>) =>
  f.deps.doc.send(new DeleteCommand({ TableName: f.deps.tableName, Key: key }));
/** A row as they were written before they recorded the municipality. */
const putRowWithoutMunicipality = (partition: string, at: string, action: string) =>
  f.deps.doc.send(
    new PutCommand({
      TableName: f.deps.auditTableName,
      Item: { pk: partition, sk: `${at}#old`, at, actor: "handlaggare-0880", action, correlationId: "c-old" },
    }),
  );

const newReferral = async (): Promise<string> => {
  const posted = await f.h.post(referralBody());
  expect(posted.status).toBe(201);
  return referralViewSchema.parse(posted.body).id;
};

describe("a referral's trail after the referral", () => {
  it("is read by its municipality's auditor once the referral is gone, not by another's", async () => {
    const id = await newReferral();
    expect((await f.h.get(id, KALMAR)).status).toBe(200);
    expect((await f.auditRows(id)).map((row) => row.municipality)).toEqual(["0880", "0880"]);
    await putRowWithoutMunicipality(
      auditPartition("intake", auditSubject(id)),
      "2026-12-01T07:00:00.500Z",
      "read",
    );
    expect(actions(await f.h.audit({ referral: id }, KALMAR))).toEqual(["create", "read", "read"]);

    await expire(referralKey(id));
    expect(await f.stored(id)).toBeUndefined();
    // The row without a municipality went with its record; the others stay readable.
    expect(actions(await f.h.audit({ referral: id }, KALMAR))).toEqual(["create", "read"]);
    expect(actions(await f.h.audit({ referral: id, actor: "granskare-kalmar" }, KALMAR))).toEqual(["read"]);
    expect((await f.h.audit({ referral: id }, BORAS)).status).toBe(404);
    expect(actions(await f.h.audit({ referral: id, municipality: "0880" }, NATIONAL))).toEqual([
      "create",
      "read",
    ]);
    expect((await f.h.audit({ referral: id, municipality: "1490" }, NATIONAL)).status).toBe(404);
  });

  it("is not found when only rows without a municipality are left", async () => {
    const partition = auditPartition("intake", auditSubject("ref-long-gone"));
    await putRowWithoutMunicipality(partition, "2024-01-10T09:00:00.000Z", "read");
    expect((await f.h.audit({ referral: "ref-long-gone" }, KALMAR)).status).toBe(404);
  });
});

describe("a national auditor on intake's trail", () => {
  it("names the municipality, and reads only a referral of the one named", async () => {
    const id = await newReferral();
    expect(actions(await f.h.audit({ referral: id, municipality: "0880" }, NATIONAL))).toEqual(["create"]);
    expect((await f.h.audit({ referral: id, municipality: "1490" }, NATIONAL)).status).toBe(404);
    const unnamed = await f.h.audit({ referral: id }, NATIONAL);
    expect(unnamed.status).toBe(400);
    expect(JSON.stringify(problemSchema().parse(unnamed.body))).toContain("query.municipality");
  });

  it("is refused to a municipality's token naming another municipality (403)", async () => {
    const id = await newReferral();
    expect((await f.h.audit({ referral: id, municipality: "1490" }, KALMAR)).status).toBe(403);
    expect(actions(await f.h.audit({ referral: id, municipality: "0880" }, KALMAR))).toEqual(["create"]);
  });
});

describe("a task's trail (?task=)", () => {
  it("shows who marked it done, to its municipality, before and after the task is gone", async () => {
    expect((await f.consume([noticeReceived("KV-2026-000970", PERSON)])).batchItemFailures).toEqual([]);
    const reminder = newEvent(releasePlanReminder, {
      source: "release-notices",
      municipality: "0880",
      correlationId: "test-task-trail",
      occurredAt: new Date("2026-12-01T07:00:00Z"),
      data: { noticeId: "KV-2026-000970", daysBeforeRelease: 60, planDueDate: "2027-04-15" },
    });
    expect((await f.consume([reminder])).batchItemFailures).toEqual([]);
    const listed = await listTasks(f.deps, "0880", { status: "open" }, { limit: 10 });
    const task = listed.ok ? listed.items[0] : undefined;
    if (!task) throw new Error("no task");
    const done = await invokeHttp(
      createCompleteTask(f.deps),
      "intake",
      httpEvent({
        method: "POST",
        rawPath: `/v1/tasks/${task.id}/done`,
        routePath: "/v1/tasks/{id}/done",
        pathParameters: { id: task.id },
        claims: staff("0880", "handlaggare-2001"),
      }),
    );
    expect(done.status).toBe(200);

    const read = async (claims: Claims) => f.h.audit({ task: task.id }, claims);
    expect(actions(await read(KALMAR))).toEqual(["task-done"]);
    expect((await read(BORAS)).status).toBe(404);
    await expire(taskKey(task.id));
    const after = await read(KALMAR);
    expect(auditListSchema.parse(after.body).items).toEqual([
      expect.objectContaining({ actor: "handlaggare-2001", action: "task-done" }),
    ]);
    expect((await read(BORAS)).status).toBe(404);
    expect((await f.h.audit({ task: "no-such-task" }, KALMAR)).status).toBe(404);
  });

  it("asks for exactly one of referral and task (400 naming the field)", async () => {
    const queries: Record<string, string>[] = [{}, { referral: "r-1", task: "t-1" }];
    for (const query of queries) {
      const answer = await f.h.audit(query, KALMAR);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(problemSchema().parse(answer.body))).toContain("query.referral");
    }
  });
});
