/**
 * Stand-ins for what the hotline talks to, on loopback: 46elks's SMS API, a DynamoDB that throttles
 * every write, a port nothing listens on, a server that never answers.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** What reached a fake HTTP server. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const listen = async (server: ReturnType<typeof createServer>): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the server has no TCP address");
  return `http://127.0.0.1:${address.port}`;
};

const readBody = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
};

/**
 * A stand-in for 46elks's SMS API on 127.0.0.1: records every request and answers with the next
 * status queued by `answer(...)` (then 200, as 46elks does with the message's JSON; 0: no answer).
 */
export const fakeSmsApi = async () => {
  const requests: RecordedRequest[] = [];
  const queued: number[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const status = queued.shift() ?? 200;
      // 0: never answer, like an API that hangs; the socket closes with the server.
      if (status === 0) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(status === 200 ? JSON.stringify({ status: "created", id: "s1" }) : "{}");
    });
  });
  const url = await listen(server);
  return {
    url,
    requests,
    answer: (...statuses: number[]) => queued.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * A DynamoDB endpoint that is really DynamoDB Local, except that every TransactWriteItems is
 * answered the way DynamoDB answers when throttled: reads work, writes fail.
 */
export const throttlingDynamoProxy = async (target: string) => {
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (req.headers["x-amz-target"] === "DynamoDB_20120810.TransactWriteItems") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.0" });
        res.end(
          JSON.stringify({
            __type: "com.amazonaws.dynamodb.v20120810#ThrottlingException",
            message: "Rate of requests exceeds the allowed throughput.",
          }),
        );
        return;
      }
      const forward = httpRequest(
        new URL(req.url ?? "/", target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(body);
    });
  });
  const endpoint = await listen(server);
  return { endpoint, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/** A loopback port nothing listens on: connections are refused at once. */
export const closedPort = async (): Promise<string> => {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
};

/** A DynamoDB client for `endpoint` that gives up after one attempt, so a failure shows at once. */
export const oneShotDynamo = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    region: "eu-north-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });

/** A server on 127.0.0.1 that accepts every request and never answers it (a stuck dependency). */
export const silentServer = async () => {
  const server = createServer(() => undefined);
  const url = await listen(server);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
