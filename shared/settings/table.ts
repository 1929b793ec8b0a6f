/**
 * Reading a municipality's settings history from the shared settings table, for each service's own
 * store/settings.ts (not re-exported by index.ts, which stays pure for the domains).
 */
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { CHANGE_PREFIX, settingsPartition } from "./keys";
import { type SettingsChange, settingsSchemas } from "./schema";

export interface SettingsTable {
  readonly doc: DynamoDBDocumentClient;
  readonly settingsTableName: string;
}

/** Every change for the municipality (a municipality makes few: every page is read). */
export const querySettingsHistory = async (
  table: SettingsTable,
  municipality: string,
  options: { readonly consistent?: boolean } = {},
): Promise<SettingsChange[]> => {
  const items: SettingsChange[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new QueryCommand({
        TableName: table.settingsTableName,
        KeyConditionExpression: "pk = :p AND begins_with(sk, :c)",
        ExpressionAttributeValues: { ":p": settingsPartition(municipality), ":c": CHANGE_PREFIX },
        ExclusiveStartKey: startKey,
        ConsistentRead: options.consistent ?? false,
      }),
    );
    for (const item of out.Items ?? []) {
      const parsed = settingsSchemas().change.safeParse(item);
      // A stored change that fails its schema is our bug: fail loudly rather than apply defaults.
      if (!parsed.success) throw new Error("a stored settings change does not match its schema");
      items.push(parsed.data);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
};
