/**
 * The Secrets Manager client is bundled only into the functions that read a secret (the identity
 * keys, the telephony secret): 29 KiB that every other function would compile on each cold start and
 * never run. Bundled as the CDK bundles them (test/support/bundles.ts), nothing written.
 * test/infra/identity-keys.test.ts holds the other half: a secret's ARN reaches exactly these
 * functions, so nothing else can reach the client's import.
 */
import { describe, expect, it } from "vitest";
import { readsSecrets, SECRETS_MANAGER_CLIENT } from "../../../infra/constructs/bundling";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import { bundledInputs, bundling } from "../../support/bundles";

const functions = SERVICE_DEFINITIONS.flatMap((s) => s.functions);

describe("the Secrets Manager client in the bundles", () => {
  it("is in every function that reads a secret, and in no other", async () => {
    const readers = functions.filter(readsSecrets).map((f) => f.id);
    // The webhooks and what seals identities read secrets; pilot reports and the sweeps do not.
    expect(readers).toEqual(expect.arrayContaining(["hotline-incoming", "hotline-next", "intake-create"]));
    expect(readers.filter((id) => id.startsWith("pilot-reports") || id.endsWith("outbox-sweep"))).toEqual([]);
    const inputs = await bundledInputs(functions);
    expect(inputs.size).toBe(functions.length);
    expect(bundling(inputs, `${SECRETS_MANAGER_CLIENT}/`).sort()).toEqual([...readers].sort());
  }, 60_000);
});
