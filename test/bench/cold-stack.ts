/**
 * The stack's floor (cold.ts): the floor (cold-floor.ts) plus the libraries every function of ours
 * is built on before any code of ours, the team's fixed stack: the DynamoDB document client,
 * Powertools' Logger with its middy middleware, middy, and zod/mini parsing one small body. Its row
 * beside the floor tells how much of a function's ratio is the stack's and how much is ours.
 * Bundled like every function (cold-build.ts); its one request a GetItem, as the floor's.
 */

import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import * as z from "zod/mini";
import { CLIENT_OPTIONS } from "../../shared/runtime/client-options";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient(CLIENT_OPTIONS));
export const sqs = new SQSClient(CLIENT_OPTIONS);
const logger = new Logger({ serviceName: "stack" });
const eventSchema = z.object({ id: z.optional(z.string().check(z.maxLength(64))) });

export const handler = middy(async (event: unknown): Promise<{ statusCode: number }> => {
  const { id = "none" } = z.parse(eventSchema, event);
  await doc.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `STACK#${id}`, sk: "STACK" } }),
  );
  logger.info("answered", { id });
  return { statusCode: 200 };
}).use(injectLambdaContext(logger, { resetKeys: true }));
