/**
 * The same requests made raw (cold-raw-replay.ts): the project's own SDK and client options, no
 * code of ours. It builds the DynamoDB and SQS clients as it loads, as the floor (cold-floor.ts)
 * does, and the Secrets Manager client on its first use, as our functions do; its invocation sends
 * the operations a function's first answer sent, with the same inputs (each service's JSON
 * protocol names the operation, and its body is the command's input), group after group, the
 * requests of a group together. Bundled like every function (cold-build.ts).
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { CLIENT_OPTIONS, SQS_CLIENT_OPTIONS } from "../../shared/runtime/client-options";

const dynamodb = new DynamoDBClient(CLIENT_OPTIONS);
// As our functions build theirs (shared/runtime/config.ts).
const sqs = new SQSClient(SQS_CLIENT_OPTIONS);
let secretsManager: SecretsManagerClient | undefined;
const secrets = () => {
  secretsManager ??= new SecretsManagerClient(CLIENT_OPTIONS);
  return secretsManager;
};

// biome-ignore lint/suspicious/noExplicitAny: a command's input is whatever its operation takes
type Send = (input: any) => Promise<unknown>;
const OPERATIONS: Readonly<Record<string, Send>> = {
  "DynamoDB_20120810.GetItem": (i) => dynamodb.send(new GetItemCommand(i)),
  "DynamoDB_20120810.Query": (i) => dynamodb.send(new QueryCommand(i)),
  "DynamoDB_20120810.Scan": (i) => dynamodb.send(new ScanCommand(i)),
  "DynamoDB_20120810.PutItem": (i) => dynamodb.send(new PutItemCommand(i)),
  "DynamoDB_20120810.UpdateItem": (i) => dynamodb.send(new UpdateItemCommand(i)),
  "DynamoDB_20120810.DeleteItem": (i) => dynamodb.send(new DeleteItemCommand(i)),
  "DynamoDB_20120810.BatchGetItem": (i) => dynamodb.send(new BatchGetItemCommand(i)),
  "DynamoDB_20120810.BatchWriteItem": (i) => dynamodb.send(new BatchWriteItemCommand(i)),
  "DynamoDB_20120810.TransactGetItems": (i) => dynamodb.send(new TransactGetItemsCommand(i)),
  "DynamoDB_20120810.TransactWriteItems": (i) => dynamodb.send(new TransactWriteItemsCommand(i)),
  "AmazonSQS.SendMessage": (i) => sqs.send(new SendMessageCommand(i)),
  "AmazonSQS.SendMessageBatch": (i) => sqs.send(new SendMessageBatchCommand(i)),
  "AmazonSQS.DeleteMessage": (i) => sqs.send(new DeleteMessageCommand(i)),
  "AmazonSQS.DeleteMessageBatch": (i) => sqs.send(new DeleteMessageBatchCommand(i)),
  "AmazonSQS.ChangeMessageVisibility": (i) => sqs.send(new ChangeMessageVisibilityCommand(i)),
  "secretsmanager.GetSecretValue": (i) => secrets().send(new GetSecretValueCommand(i)),
};

interface Replayed {
  readonly target: string;
  readonly body: string;
}

/** The event is the bench's own file; checked by hand so that no validator weighs on this floor. */
const groupsOf = (event: unknown): Replayed[][] => {
  const groups = (event as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) throw new Error("a raw replay event has groups of requests");
  return groups.map((group: unknown) => {
    if (!Array.isArray(group)) throw new Error("a group is a list of requests");
    return group.map((r: { target?: unknown; body?: unknown }) => {
      if (typeof r?.target !== "string" || typeof r.body !== "string")
        throw new Error("a request names target and body");
      return { target: r.target, body: r.body };
    });
  });
};

/**
 * 200 when every request succeeded; otherwise 502 (the bench's table shows `(raw 502)`), and the
 * operations that failed are written to stderr, for a run of cold-child.mjs by hand. A function's
 * first answer in the bench makes no request that fails, so neither does its replay.
 */
export const handler = async (event: unknown): Promise<{ statusCode: number }> => {
  const failed: string[] = [];
  for (const group of groupsOf(event)) {
    await Promise.all(
      group.map(async ({ target, body }) => {
        const send = OPERATIONS[target];
        if (!send) throw new Error(`no raw replay for ${target}`);
        await send(JSON.parse(body)).catch((error: unknown) => {
          failed.push(`${target}: ${error instanceof Error ? error.name : "?"}`);
        });
      }),
    );
  }
  if (failed.length) process.stderr.write(`raw replay: ${failed.join(", ")}\n`);
  return { statusCode: failed.length ? 502 : 200 };
};
