/**
 * The stack's floor (cold.ts): the floor (cold-floor.ts) plus the libraries every function of ours
 * is built on before any code of ours, the team's fixed stack: the DynamoDB document client, middy,
 * and zod/mini parsing one small body (the logger is ours since 2026-11-30, shared/logger.ts). Its row
 * beside the floor tells how much of a function's ratio is the stack's and how much is ours.
 * Bundled like every function (cold-build.ts); its one request a GetItem, as the floor's.
 */

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import * as z from "zod/mini";
import { CLIENT_OPTIONS } from "../../shared/runtime/client-options";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient(CLIENT_OPTIONS));
export const sqs = new SQSClient(CLIENT_OPTIONS);
const eventSchema = z.object({ id: z.optional(z.string().check(z.maxLength(64))) });

export const handler = middy(async (event: unknown): Promise<{ statusCode: number }> => {
  const { id = "none" } = z.parse(eventSchema, event);
  await doc.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `STACK#${id}`, sk: "STACK" } }),
  );
  return { statusCode: 200 };
});
