import { BatchWriteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { ulid } from "ulid";
import type { TransactItem } from "../../shared/dynamo";
import type { Caller } from "../../shared/http/auth";
import type { HotlineDeps } from "./deps";
import { auditKey } from "./keys";

export interface Context {
  readonly caller: Caller;
  readonly correlationId: string;
}

/** One audit row: who (the token's subject), when, what, about which triage or schedule. */
export const auditPut = (
  deps: Pick<HotlineDeps, "tableName">,
  subject: string,
  context: Context,
  action: string,
  at: Date,
  expiresAt: number,
): TransactItem => ({
  Put: {
    TableName: deps.tableName,
    Item: {
      ...auditKey(subject, at, ulid()),
      subject,
      action,
      actor: context.caller.subject,
      at: at.toISOString(),
      correlationId: context.correlationId,
      expiresAt,
    },
  },
});

/** A read is audited before its answer leaves: what could not be audited is not shown. */
export const auditRead = async (
  deps: Pick<HotlineDeps, "tableName" | "doc">,
  subject: string,
  context: Context,
  action: string,
  at: Date,
  expiresAt: number,
): Promise<void> => {
  const put = auditPut(deps, subject, context, action, at, expiresAt).Put;
  if (put) await deps.doc.send(new PutCommand(put));
};

export const auditReads = async (
  deps: Pick<HotlineDeps, "tableName" | "doc">,
  rows: readonly { subject: string; expiresAt: number }[],
  context: Context,
  action: string,
  at: Date,
): Promise<void> => {
  let pending = rows.flatMap((r) => {
    const put = auditPut(deps, r.subject, context, action, at, r.expiresAt).Put;
    return put ? [{ PutRequest: { Item: put.Item } }] : [];
  });
  let retries = 0;
  while (pending.length > 0) {
    const batch = pending.slice(0, 25);
    const out = await deps.doc.send(new BatchWriteCommand({ RequestItems: { [deps.tableName]: batch } }));
    const unprocessed = (out.UnprocessedItems?.[deps.tableName] ?? []).flatMap((r) =>
      r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
    );
    pending = [...pending.slice(25), ...unprocessed];
    if (unprocessed.length === 0) continue;
    // Throttled: back off, and give up (failing the read) rather than show what was not audited.
    retries += 1;
    if (retries > 5) throw new Error("audit rows could not be written");
    await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** retries));
  }
};
