import { failedConditions, type TransactItem } from "../../../shared/dynamo";
import type { Envelope } from "../../../shared/events/envelope";
import type { Call, CallChange, OpenedTriage } from "../domain/call";
import type { Triage } from "../domain/triage-state";
import { callKey, triageKey } from "./keys";
import { callFromItem } from "./records";
import { commitLeavingEventsToSweep, readItem, type TableDeps } from "./table";
import { triageIndexes, triageItem } from "./triage-store";

/**
 * The calls: each webhook costs one read (none for a new call) and one transaction. A new call's
 * triage is written with it; later, a ringing call's triage is opened by an update conditioned on
 * it still ringing, without being read. The events go to the outbox and are left to its sweep: the
 * caller waits for no SQS send.
 */
export class CallStore {
  constructor(private readonly deps: TableDeps) {}

  read(callId: string): Promise<Call | undefined> {
    return readItem(this.deps, callKey(callId), callFromItem, { consistent: true });
  }

  /**
   * The new call, its triage and its events. Keyed by the provider's call id: a retried webhook
   * finds the call there (`exists`) and cannot open a second triage.
   */
  async create(call: Call, triage: Triage, events: readonly Envelope[]): Promise<"created" | "exists"> {
    const notThere = "attribute_not_exists(pk)";
    try {
      await commitLeavingEventsToSweep(
        this.deps,
        [
          {
            Put: {
              TableName: this.deps.tableName,
              Item: { ...callKey(call.callId), ...call },
              ConditionExpression: notThere,
            },
          },
          {
            Put: { TableName: this.deps.tableName, Item: triageItem(triage), ConditionExpression: notThere },
          },
        ],
        events,
      );
      return "created";
    } catch (error) {
      if (failedConditions(error)?.includes(0)) return "exists";
      throw error;
    }
  }

  /**
   * The call as changed (on condition it is still as read) and the triage it opens (on condition it
   * is still ringing), with the events. A lost race is thrown as DynamoDB reports it (see lostRace).
   */
  async commit(change: CallChange, events: readonly Envelope[]): Promise<void> {
    const writes: TransactItem[] = [
      {
        Put: {
          TableName: this.deps.tableName,
          Item: { ...callKey(change.call.callId), ...change.call },
          ConditionExpression: "version = :v",
          ExpressionAttributeValues: { ":v": change.before.version },
        },
      },
      ...(change.opening ? [this.openTriage(change.opening)] : []),
    ];
    await commitLeavingEventsToSweep(this.deps, writes, events);
  }

  private openTriage({ opening, triage }: OpenedTriage): TransactItem {
    const indexes = triageIndexes(triage);
    const values: Record<string, unknown> = {
      ":status": opening.status,
      ":ringing": "ringing",
      ":openedAt": opening.openedAt,
      ":origin": opening.origin,
      ":gsi2pk": indexes.gsi2pk,
      ":one": 1,
    };
    const sets = [
      "#status = :status",
      "openedAt = :openedAt",
      "origin = :origin",
      "gsi2pk = :gsi2pk",
      "version = version + :one",
    ];
    if (indexes.gsi3pk) {
      sets.push("gsi3pk = :gsi3pk", "gsi3sk = :gsi3sk");
      values[":gsi3pk"] = indexes.gsi3pk;
      values[":gsi3sk"] = indexes.gsi3sk;
    }
    if (indexes.gsi1sk) {
      sets.push("gsi1pk = :gsi1pk", "gsi1sk = :gsi1sk");
      values[":gsi1pk"] = indexes.gsi1pk;
      values[":gsi1sk"] = indexes.gsi1sk;
    }
    if (opening.answeredBy && opening.answeredRole) {
      sets.push("answeredBy = :answeredBy", "answeredRole = :answeredRole");
      values[":answeredBy"] = opening.answeredBy;
      values[":answeredRole"] = opening.answeredRole;
    }
    return {
      Update: {
        TableName: this.deps.tableName,
        Key: triageKey(triage.id),
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#status = :ringing",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: values,
      },
    };
  }
}
