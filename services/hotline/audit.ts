import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Caller } from "../../shared/domain/caller";
import type { TransactItem } from "../../shared/dynamo";
import { batchPutAll } from "../../shared/dynamo";
import { newId } from "../../shared/ids";
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
      ...auditKey(subject, at, newId()),
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
  const items = rows.flatMap((r) => {
    const put = auditPut(deps, r.subject, context, action, at, r.expiresAt).Put;
    return put?.Item ? [put.Item] : [];
  });
  // Throttling fails the read rather than show what was not audited.
  await batchPutAll(deps.doc, deps.tableName, items);
};
