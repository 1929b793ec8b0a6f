/**
 * What of the SDK each function bundles, bundled as the CDK bundles them (test/support/bundles.ts),
 * nothing written.
 * - The Secrets Manager client only in the functions that read a secret (the identity keys, the
 *   telephony secret): 29 KiB that every other function would compile on each cold start and never
 *   run. test/infra/identity-keys.test.ts holds the other half: a secret's ARN reaches exactly these
 *   functions, so nothing else can reach the client's import.
 * - The credential chain a Lambda function can use (shared/runtime/lambda-credentials.ts), not the
 *   SDK's default chain with its profile, SSO, process and web identity links and their STS and SSO
 *   clients (113 KiB). test/integration/bundle/credentials.test.ts runs such a bundle.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readsSecrets, SECRETS_MANAGER_CLIENT } from "../../../infra/constructs/bundling";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import { bundledInputs, bundling } from "../../support/bundles";

const functions = SERVICE_DEFINITIONS.flatMap((s) => s.functions);
let inputs: Map<string, string[]>;
beforeAll(async () => {
  inputs = await bundledInputs(functions);
}, 60_000);

describe("the Secrets Manager client in the bundles", () => {
  it("is in every function that reads a secret, and in no other", () => {
    const readers = functions.filter(readsSecrets).map((f) => f.id);
    // The webhooks and what seals identities read secrets; pilot reports and the sweeps do not.
    expect(readers).toEqual(expect.arrayContaining(["hotline-incoming", "hotline-next", "intake-create"]));
    expect(readers.filter((id) => id.startsWith("pilot-reports") || id.endsWith("outbox-sweep"))).toEqual([]);
    expect(inputs.size).toBe(functions.length);
    expect(bundling(inputs, `${SECRETS_MANAGER_CLIENT}/`).sort()).toEqual([...readers].sort());
  });
});

describe("the credential chain in the bundles", () => {
  it("is Lambda's in every function, and the SDK's profile, SSO, process and web identity links in none", () => {
    expect(bundling(inputs, "shared/runtime/lambda-credentials.ts").sort()).toEqual(
      functions.map((f) => f.id).sort(),
    );
    for (const link of [
      "@aws-sdk/credential-provider-node/",
      "@aws-sdk/credential-provider-ini/",
      "@aws-sdk/credential-provider-sso/",
      "@aws-sdk/credential-provider-process/",
      "@aws-sdk/credential-provider-web-identity/",
      "@aws-sdk/nested-clients/",
    ]) {
      expect({ link, functions: bundling(inputs, link) }).toEqual({ link, functions: [] });
    }
  });
});
