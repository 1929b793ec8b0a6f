/**
 * A local Secrets Manager, for the cold-start bench (a function's first answer includes the secret
 * fetch a deployed function makes) and test/integration/runtime/secrets.test.ts: the SDK client a
 * function builds reaches it through AWS_ENDPOINT_URL_SECRETS_MANAGER. It speaks GetSecretValue's
 * wire format (awsJson1_1: POST /, `X-Amz-Target: secretsmanager.GetSecretValue`, a JSON body
 * naming `SecretId`) and nothing else; an unknown id gets ResourceNotFoundException as the service
 * sends it. It counts the fetches it answered.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSecretsManager {
  readonly endpoint: string;
  /** GetSecretValue calls answered, by secret id. */
  readonly fetches: ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

const AMZ_JSON = "application/x-amz-json-1.1";

export const startFakeSecretsManager = async (
  secrets: Readonly<Record<string, string>>,
): Promise<FakeSecretsManager> => {
  const fetches = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": AMZ_JSON, "x-amzn-requestid": `fake-${Date.now()}` });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || req.headers["x-amz-target"] !== "secretsmanager.GetSecretValue") {
        return answer(400, { __type: "UnknownOperationException", message: "only GetSecretValue" });
      }
      let id: unknown;
      try {
        id = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { SecretId?: unknown }).SecretId;
      } catch {
        return answer(400, { __type: "SerializationException", message: "not JSON" });
      }
      const value = typeof id === "string" ? secrets[id] : undefined;
      if (typeof id !== "string" || value === undefined) {
        return answer(400, {
          __type: "ResourceNotFoundException",
          message: "Secrets Manager can't find the specified secret.",
        });
      }
      fetches.set(id, (fetches.get(id) ?? 0) + 1);
      answer(200, {
        ARN: id,
        Name: id.split(":").at(-1),
        SecretString: value,
        VersionId: "00000000-0000-4000-8000-000000000000",
        VersionStages: ["AWSCURRENT"],
        CreatedDate: 1_790_000_000,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    fetches,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
