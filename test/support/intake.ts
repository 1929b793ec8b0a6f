/**
 * Helpers for the intake integration tests: a fixture with one service on its own table and
 * queues, its handlers and consumer, and readers for what the table and the queues hold. People,
 * bodies, handler wiring and other services' events live beside it (intake-*.ts) and are
 * re-exported here, so that a test imports from one place.
 */

import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSBatchResponse } from "aws-lambda";
import { sweepDeadlines } from "../../services/intake/app/sweep-deadlines";
import { createDeps } from "../../services/intake/deps";
import { createHandler as createConsumer } from "../../services/intake/handlers/consumer";
import { auditSubject, referralKey } from "../../services/intake/store/keys";
import { auditPartition } from "../../shared/audit-trail";
import type { Envelope } from "../../shared/events/envelope";
import type { CatalogueEvent } from "../../shared/events/parse";
import { provisionForTest } from "./aws";
import { queueEvents } from "./events";
import { sqsBatch } from "./intake-events";
import { intakeHandlers } from "./intake-handlers";
import { lambdaContext } from "./lambda";

export { personnummer, type TestIdentity } from "./identities";
export * from "./intake-events";
export * from "./intake-handlers";
export * from "./intake-people";
export type { Answer } from "./lambda";

// ---------------------------------------------------------------------------------------------
// A fixture: one service on its own table and queues

export const intakeFixture = async (now: Date) => {
  const resources = await provisionForTest(["intake"]);
  const runtime = resources.testRuntime("intake");
  runtime.clock.set(now);
  const deps = createDeps(runtime);
  const { doc, tableName } = deps;
  const consumer = createConsumer(deps);
  const pilotQueue = resources.queueUrls["pilot-reports"];
  if (!pilotQueue) throw new Error("no pilot-reports queue");
  const fannedOut = queueEvents({ "pilot-reports": pilotQueue });
  return {
    resources,
    clock: runtime.clock,
    deps,
    h: intakeHandlers(deps),
    consume: (bodies: readonly (Envelope | string)[]): Promise<SQSBatchResponse> =>
      consumer(sqsBatch(bodies), lambdaContext("intake-consumer")),
    sweep: () => sweepDeadlines(deps),
    /** Every event fanned out so far (the pilot-reports queue receives them all). */
    async events(): Promise<CatalogueEvent[]> {
      return (await fannedOut.drain()).map((r) => r.event);
    },
    async stored(id: string): Promise<Record<string, unknown> | undefined> {
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: referralKey(id), ConsistentRead: true }),
      );
      return out.Item;
    },
    /** Every referral row, by its key prefix; tests' tables are tiny, so a Scan is fine here. */
    async referralIds(): Promise<string[]> {
      const out = await doc.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: "sk = :ref",
          ExpressionAttributeValues: { ":ref": "REF" },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((i) => String(i.id));
    },
    /** Items in the intake table and the audit table: "writes nothing" covers both. */
    async itemCount(): Promise<number> {
      let count = 0;
      for (const TableName of [tableName, deps.auditTableName]) {
        const out = await doc.send(new ScanCommand({ TableName, Select: "COUNT", ConsistentRead: true }));
        count += out.Count ?? 0;
      }
      return count;
    },
    /** The referral's rows in the audit table (kept apart from the intake table). */
    async auditRows(id: string): Promise<Record<string, unknown>[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: deps.auditTableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": auditPartition("intake", auditSubject(id)) },
          ConsistentRead: true,
        }),
      );
      return out.Items ?? [];
    },
  };
};

export type IntakeFixture = Awaited<ReturnType<typeof intakeFixture>>;

/** The referral id an event is about. */
export const referralIdOf = (event: CatalogueEvent): string | undefined => {
  const data = event.data as { referralId?: unknown; subject?: { id?: unknown } };
  if (typeof data.referralId === "string") return data.referralId;
  if (typeof data.subject?.id === "string") return data.subject.id;
  return undefined;
};
