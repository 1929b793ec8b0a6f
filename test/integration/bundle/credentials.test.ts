/**
 * A deployed function's credentials: bundled as the CDK bundles it (test/support/bundles.ts, with the
 * credential chain's alias, infra/constructs/bundling.ts), run in a fresh Node process as Lambda
 * runs it, against DynamoDB Local. The environment's keys sign its requests; a container credentials
 * endpoint is used where there are none; with neither it fails with an error that says which
 * variables it looked for.
 */
import { rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localEndpointsFromInject } from "../../support/aws";
import { bundleTestFunction, invokeBundledOnce } from "../../support/bundles";

let dir: string;
let bundle: string;

beforeAll(async () => {
  const built = await bundleTestFunction("list-tables", "test/integration/bundle/list-tables-function.ts");
  ({ dir, file: bundle } = built);
  expect(built.warnings).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Invokes the bundle's handler once in a new process with only `env` (and PATH) set. */
const invoke = (env: Record<string, string>): Promise<unknown> =>
  invokeBundledOnce(bundle, {
    AWS_REGION: "eu-north-1",
    AWS_ENDPOINT_URL_DYNAMODB: localEndpointsFromInject().dynamodbEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  });

describe("a bundled function's credentials", () => {
  it("signs with the keys Lambda puts in the environment", async () => {
    expect(
      await invoke({
        AWS_ACCESS_KEY_ID: "AKIDLAMBDA",
        AWS_SECRET_ACCESS_KEY: "secret",
        AWS_SESSION_TOKEN: "token",
      }),
    ).toEqual({ answered: true });
  }, 30_000);

  it("fetches them from a container credentials endpoint where the environment has no keys", async () => {
    const authorizations: (string | undefined)[] = [];
    const server: Server = createServer((request, response) => {
      authorizations.push(request.headers.authorization);
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          AccessKeyId: "AKIDCONTAINER",
          SecretAccessKey: "secret",
          Token: "token",
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(
        await invoke({
          AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/credentials`,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: "container-token",
        }),
      ).toEqual({ answered: true });
      expect(authorizations).toEqual(["container-token"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 30_000);

  it("with neither, fails naming the variables it read and none of their values", async () => {
    const answer = await invoke({ AWS_PROFILE: "a-profile-no-function-has" });
    expect(answer).toEqual({
      error: "NoLambdaCredentialsError",
      message: expect.stringContaining("AWS_ACCESS_KEY_ID"),
    });
    expect(JSON.stringify(answer)).not.toContain("a-profile-no-function-has");
  }, 30_000);
});
