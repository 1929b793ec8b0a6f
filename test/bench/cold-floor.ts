/**
 * The cold-start floor (cold.ts): what any function of ours needs at the least, from the project's
 * own SDK and client options. It builds the DynamoDB and SQS clients as it loads, as the peers'
 * functions do, and its one request is a GetItem. Bundled like every function (cold-build.ts).
 */
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { CLIENT_OPTIONS } from "../../shared/runtime/client-options";

const dynamodb = new DynamoDBClient(CLIENT_OPTIONS);
export const sqs = new SQSClient(CLIENT_OPTIONS);

export const handler = async (): Promise<{ statusCode: number }> => {
  await dynamodb.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: "FLOOR#none" }, sk: { S: "FLOOR" } },
    }),
  );
  return { statusCode: 200 };
};
