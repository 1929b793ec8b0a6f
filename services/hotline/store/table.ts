import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { failedConditions, type TransactItem } from "../../../shared/dynamo";
import type { Envelope } from "../../../shared/events/envelope";
import { outboxPut } from "../../../shared/events/outbox";
import type { ServiceDeps } from "../../../shared/runtime/service-deps";

/** What the store needs of the service's dependencies. */
export type TableDeps = Pick<ServiceDeps, "doc" | "tableName" | "auditTableName" | "publisher">;

/** One item by its key, through its parser; undefined when there is none. */
export const readItem = async <T>(
  deps: Pick<TableDeps, "doc" | "tableName">,
  key: Record<string, string>,
  parse: (item: Record<string, unknown> | undefined) => T | undefined,
  options: { readonly consistent: boolean },
): Promise<T | undefined> => {
  const out = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: key, ConsistentRead: options.consistent }),
  );
  return parse(out.Item);
};

/**
 * Whether a commit failed because something it was conditioned on had changed (a lost race, or a
 * retried request), rather than because storage failed.
 */
export const lostRace = (error: unknown): boolean => (failedConditions(error)?.length ?? 0) > 0;

/**
 * The writes and their events' outbox rows in one transaction, and nothing sent: the outbox sweep
 * (every minute) sends them. For the telephony webhooks, where a caller hears nothing until we
 * answer and a slow SQS must not hold them; staff routes send at once through the publisher.
 */
export const commitLeavingEventsToSweep = async (
  deps: Pick<TableDeps, "doc" | "tableName">,
  writes: readonly TransactItem[],
  events: readonly Envelope[],
): Promise<void> => {
  const items = [...writes, ...events.map((event) => outboxPut(deps.tableName, event))];
  if (items.length === 0) return;
  await deps.doc.send(new TransactWriteCommand({ TransactItems: items }));
};
