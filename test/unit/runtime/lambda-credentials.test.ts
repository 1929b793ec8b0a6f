/**
 * The deployed functions' credential chain (shared/runtime/lambda-credentials.ts), in this process:
 * the environment's keys, read again when they are about to expire, as the SDK's chain does.
 * test/integration/bundle/credentials.test.ts runs it bundled, with a container endpoint too.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultProvider, NoLambdaCredentialsError } from "../../../shared/runtime/lambda-credentials";

const NONE = {
  AWS_ACCESS_KEY_ID: "",
  AWS_SECRET_ACCESS_KEY: "",
  AWS_SESSION_TOKEN: "",
  AWS_CREDENTIAL_EXPIRATION: "",
  AWS_CONTAINER_CREDENTIALS_FULL_URI: "",
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "",
};
const stubEnv = (env: Record<string, string>) => {
  for (const [name, value] of Object.entries({ ...NONE, ...env })) vi.stubEnv(name, value);
};
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("a deployed function's credentials", () => {
  it("are the environment's keys, kept while they carry no expiry", async () => {
    stubEnv({ AWS_ACCESS_KEY_ID: "AKID1", AWS_SECRET_ACCESS_KEY: "s1", AWS_SESSION_TOKEN: "t1" });
    const provider = defaultProvider();
    expect(await provider()).toMatchObject({
      accessKeyId: "AKID1",
      secretAccessKey: "s1",
      sessionToken: "t1",
    });
    stubEnv({ AWS_ACCESS_KEY_ID: "AKID2", AWS_SECRET_ACCESS_KEY: "s2" });
    expect(await provider()).toMatchObject({ accessKeyId: "AKID1" });
  });

  it("are read again when they expire within five minutes", async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    stubEnv({ AWS_ACCESS_KEY_ID: "AKID1", AWS_SECRET_ACCESS_KEY: "s1", AWS_CREDENTIAL_EXPIRATION: soon });
    const provider = defaultProvider();
    expect(await provider()).toMatchObject({ accessKeyId: "AKID1" });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    stubEnv({ AWS_ACCESS_KEY_ID: "AKID2", AWS_SECRET_ACCESS_KEY: "s2", AWS_CREDENTIAL_EXPIRATION: later });
    expect(await provider()).toMatchObject({ accessKeyId: "AKID2" });
  });

  it("fail without keys or a container endpoint, and succeed once they are there", async () => {
    stubEnv({ AWS_ACCESS_KEY_ID: "AKID-ONLY" });
    const provider = defaultProvider();
    await expect(provider()).rejects.toBeInstanceOf(NoLambdaCredentialsError);
    await expect(provider()).rejects.not.toThrow(/AKID-ONLY/);
    stubEnv({ AWS_ACCESS_KEY_ID: "AKID1", AWS_SECRET_ACCESS_KEY: "s1" });
    expect(await provider()).toMatchObject({ accessKeyId: "AKID1" });
  });
});
