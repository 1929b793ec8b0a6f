import { createServer, type Server, type Socket } from "node:net";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TABLE_ENV } from "../../../shared/resources";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { DEVELOPMENT_KEYS_JSON } from "../../../shared/runtime/keys";

/** A server that accepts connections and never answers: a DynamoDB or SQS endpoint gone slow. */
let silent: Server;
let endpoint: string;
let accepted = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    accepted++;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  if (!address || typeof address === "string") throw new Error("no port");
  endpoint = `http://127.0.0.1:${address.port}`;
  // This file runs in a worker of its own; the SDK resolves these when a call is sent.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_ENDPOINT_URL_SQS: endpoint,
    AWS_REGION: "eu-north-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

/** The function's own config, as in Lambda; the SDK reads the endpoint from the environment. */
const config = () =>
  runtimeConfigFromEnv("release-notices", {
    TABLE_NAME: "t",
    [AUDIT_TABLE_ENV]: "audit",
    IDENTITY_KEYS_JSON: DEVELOPMENT_KEYS_JSON,
  });

describe("the clients a function builds", () => {
  it("give up on a DynamoDB that never answers: each attempt times out, and after three the call fails", async () => {
    const { dynamodb } = config();
    const before = accepted;
    await expect(
      dynamodb.send(new GetItemCommand({ TableName: "t", Key: { pk: { S: "a" } } })),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(accepted - before).toBe(3);
  }, 20_000);

  it("do the same for SQS", async () => {
    const { sqs } = config();
    const before = accepted;
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: `${endpoint}/000000000000/q`, MessageBody: "{}" })),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(accepted - before).toBe(3);
  }, 20_000);
});
