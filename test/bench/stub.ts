import { createHash, randomUUID } from "node:crypto";
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { LOCAL_REGION, type LocalClients } from "../../infra/local/aws";

/**
 * SDK clients whose HTTP layer answers at once, without a socket: everything else (middleware,
 * serialisation, signing, parsing, the SQS MD5 check) runs as usual. With these, a request's time
 * is the CPU it costs in this process, which is what the handler adds on top of the raw calls.
 */
type RequestHandler = DynamoDBClientConfig["requestHandler"];

interface StubRequest {
  readonly body?: unknown;
  readonly headers: Record<string, string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const respond = (body: string) => ({
  response: {
    statusCode: 200,
    reason: "OK",
    headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": randomUUID() },
    body: encoder.encode(body),
  },
});

const dynamodbStub = {
  handle: async (_request: StubRequest) => respond("{}"),
  updateHttpClientConfig: () => undefined,
  httpHandlerConfigs: () => ({}),
};

/** SendMessage answers with the body's MD5, as SQS does: the SDK checks it. */
const sqsStub = {
  handle: async (request: StubRequest) => {
    const text =
      typeof request.body === "string"
        ? request.body
        : request.body instanceof Uint8Array
          ? decoder.decode(request.body)
          : "{}";
    const input = JSON.parse(text) as {
      MessageBody?: string;
    };
    const md5 = createHash("md5")
      .update(input.MessageBody ?? "")
      .digest("hex");
    return respond(JSON.stringify({ MessageId: randomUUID(), MD5OfMessageBody: md5 }));
  },
  updateHttpClientConfig: () => undefined,
  httpHandlerConfigs: () => ({}),
};

const credentials = { accessKeyId: "local", secretAccessKey: "local" };
const endpoint = "http://127.0.0.1:9";

export const stubClients = (): LocalClients => ({
  dynamodb: new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint,
    credentials,
    requestHandler: dynamodbStub as unknown as RequestHandler,
  }),
  sqs: new SQSClient({
    region: LOCAL_REGION,
    endpoint,
    credentials,
    requestHandler: sqsStub as unknown as RequestHandler,
  }),
});
