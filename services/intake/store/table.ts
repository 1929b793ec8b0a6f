/** The intake table and one item read by its key: what every store module's reads start from. */
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

/** The table a service instance works on. */
export interface IntakeTable {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** One item by its key, strongly consistent, as DynamoDB has it (parse it with its schema). */
export const readItem = async (
  table: IntakeTable,
  key: { pk: string; sk: string },
): Promise<Record<string, unknown> | undefined> => {
  const out = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }),
  );
  return out.Item;
};
