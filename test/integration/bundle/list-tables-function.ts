/**
 * A function at its smallest, bundled as deployed by credentials.test.ts: one DynamoDB client built
 * from the project's client options, one signed request.
 */
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { CLIENT_OPTIONS } from "../../../shared/runtime/client-options";

const dynamodb = new DynamoDBClient(CLIENT_OPTIONS);

export const handler = async (): Promise<{ readonly answered: boolean }> => {
  const answer = await dynamodb.send(new ListTablesCommand({ Limit: 1 }));
  return { answered: Array.isArray(answer.TableNames) };
};
