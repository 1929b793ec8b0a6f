/** A unit's caseworkers: one item each under the unit's partition, with the caseload kept beside them. */
import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { UNITS } from "../../../shared/events/catalogue/intake-lists";
import { parseStored } from "../../../shared/stored-item";
import type { Unit } from "../domain/routing";
import { caseworkerKey, unitPartition } from "./keys";
import { type IntakeTable, readItem } from "./table";

/** The units from the zod-free list: the catalogue's `unitSchema` would build its event schemas too. */
const caseworkerRecordSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  caseworkerId: z.string(),
  municipality: z.string(),
  unit: z.enum(UNITS),
  name: z.string(),
  capacity: z.number().check(z.int()),
  caseload: z.number().check(z.int()),
});
export type CaseworkerRecord = z.infer<typeof caseworkerRecordSchema>;

export const readCaseworker = async (
  table: IntakeTable,
  municipality: string,
  unit: Unit,
  caseworkerId: string,
): Promise<CaseworkerRecord | undefined> =>
  parseStored(
    caseworkerRecordSchema,
    await readItem(table, caseworkerKey(municipality, unit, caseworkerId)),
    "caseworker",
  );

/** Every caseworker of the unit (a unit has tens, not thousands: every page is read). */
export const listCaseworkers = async (
  table: IntakeTable,
  municipality: string,
  unit: Unit,
): Promise<CaseworkerRecord[]> => {
  const items: CaseworkerRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: "pk = :p AND begins_with(sk, :cw)",
        ExpressionAttributeValues: { ":p": unitPartition(municipality, unit), ":cw": "CW#" },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    for (const item of out.Items ?? []) {
      const record = parseStored(caseworkerRecordSchema, item, "caseworker");
      if (record) items.push(record);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** Registers a caseworker or changes their name and capacity; the caseload is kept (0 for someone new). */
export const putCaseworker = async (
  table: IntakeTable,
  caseworker: { municipality: string; unit: Unit; caseworkerId: string; name: string; capacity: number },
): Promise<CaseworkerRecord> => {
  const out = await table.doc.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: caseworkerKey(caseworker.municipality, caseworker.unit, caseworker.caseworkerId),
      UpdateExpression:
        "SET #id = :id, #m = :m, #unit = :u, #name = :n, #capacity = :c, #caseload = if_not_exists(#caseload, :zero)",
      ExpressionAttributeNames: {
        "#id": "caseworkerId",
        "#m": "municipality",
        "#unit": "unit",
        "#name": "name",
        "#capacity": "capacity",
        "#caseload": "caseload",
      },
      ExpressionAttributeValues: {
        ":id": caseworker.caseworkerId,
        ":m": caseworker.municipality,
        ":u": caseworker.unit,
        ":n": caseworker.name,
        ":c": caseworker.capacity,
        ":zero": 0,
      },
      ReturnValues: "ALL_NEW",
    }),
  );
  const record = parseStored(caseworkerRecordSchema, out.Attributes, "caseworker");
  if (!record) throw new Error("the caseworker update returned nothing");
  return record;
};
