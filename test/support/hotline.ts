/**
 * The hotline's integration fixture: a fresh table and queues, deps on a pinned clock, the
 * handlers (hotline-handlers.ts), readers for the table and what reached the queues. The data
 * (hotline-data.ts) and the fakes (hotline-fakes.ts) are re-exported, so tests import one module.
 */
import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { sweepTriages } from "../../services/hotline/app/sweep";
import { createDeps, type HotlineDepsOptions } from "../../services/hotline/deps";
import { staticSmsConfig } from "../../services/hotline/sms-config";
import { callKey, triageKey } from "../../services/hotline/store/keys";
import { staticWebhookCredentials } from "../../services/hotline/webhook-auth";
import { auditPartition } from "../../shared/audit-trail";
import type { CatalogueEvent } from "../../shared/events/parse";
import { provisionForTest } from "./aws";
import { queueEvents, type ReceivedEvent } from "./events";
import { BASE_URL, WEBHOOK } from "./hotline-data";
import { hotlineHandlers } from "./hotline-handlers";

export * from "./hotline-data";
export * from "./hotline-fakes";
export * from "./hotline-handlers";

/** The call or triage an event is about: its callId, triageId, or the breach's subject. */
const idsOf = (event: CatalogueEvent): string[] => {
  const data = event.data as { callId?: unknown; triageId?: unknown; subject?: { id?: unknown } };
  return [data.callId, data.triageId, data.subject?.id].filter((v): v is string => typeof v === "string");
};

/**
 * What reached the queues. The webhooks leave their events to the outbox sweep (a caller waits for
 * no SQS send), so `about` runs the sweep first, as the schedule would within the minute.
 */
export const eventLog = (
  queueUrls: Readonly<Partial<Record<string, string>>>,
  sweepOutbox: () => Promise<unknown>,
) => {
  const { drain } = queueEvents(queueUrls);
  return {
    drain,
    /** Events about a call or triage on one queue (default pilot-reports, which gets them all). */
    async about(ids: readonly string[], queue = "pilot-reports"): Promise<ReceivedEvent[]> {
      await sweepOutbox();
      return (await drain()).filter(
        (r) => r.queue === queue && idsOf(r.event).some((id) => ids.includes(id)),
      );
    },
  };
};

/**
 * A fresh table and queues, deps on a clock pinned at `now`, the handlers and readers for the table.
 * SMS is not configured and there is no default message unless `options` say otherwise, whatever
 * the machine's environment holds.
 */
export const hotlineFixture = async (now: Date, options: HotlineDepsOptions = {}) => {
  const resources = await provisionForTest(["hotline"]);
  const runtime = resources.testRuntime("hotline", { publicBaseUrl: BASE_URL });
  runtime.clock.set(now);
  const deps = createDeps(runtime, {
    webhookCredentials: staticWebhookCredentials(WEBHOOK),
    sms: staticSmsConfig(undefined),
    defaultMessageUrl: undefined,
    ...options,
  });
  const { doc, tableName } = deps;
  const getItem = async (key: Record<string, string>) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  return {
    resources,
    runtime,
    clock: runtime.clock,
    deps,
    h: hotlineHandlers(deps),
    events: eventLog(resources.queueUrls, () => deps.publisher.sweep({ olderThanMs: 0 })),
    sweep: () => sweepTriages(deps),
    call: (callId: string) => getItem(callKey(callId)),
    triage: (id: string) => getItem(triageKey(id)),
    async audit(triageId: string): Promise<Record<string, unknown>[]> {
      const pk = auditPartition("hotline", `TRIAGE#${triageId}`);
      const out = await doc.send(
        new QueryCommand({
          TableName: deps.auditTableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": pk },
          ConsistentRead: true,
        }),
      );
      return out.Items ?? [];
    },
    /**
     * Every item in the hotline table and the audit table (a test-only Scan): for "nothing
     * written" and "no number at rest".
     */
    async items(): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      for (const TableName of [tableName, deps.auditTableName]) {
        let startKey: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new ScanCommand({ TableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
          );
          items.push(...(out.Items ?? []));
          startKey = out.LastEvaluatedKey;
        } while (startKey);
      }
      return items;
    },
  };
};

export type HotlineFixture = Awaited<ReturnType<typeof hotlineFixture>>;

export { captureOutput } from "./output";

/** The JSON log lines in captured output that carry this message. */
export const logLines = (text: string, message: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter((line) => line.includes(message))
    .map((line): unknown => JSON.parse(line))
    .filter((line): line is Record<string, unknown> => typeof line === "object" && line !== null);
export type { ReceivedEvent } from "./events";
export type { Answer } from "./lambda";
