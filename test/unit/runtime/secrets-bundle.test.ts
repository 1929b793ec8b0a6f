/**
 * The Secrets Manager client is bundled only into the functions that read a secret (the identity
 * keys, the telephony secret): 29 KiB that every other function would compile on each cold start and
 * never run. Bundled with the options the CDK gets (infra/constructs/bundling.ts bundlingFor), nothing
 * written. test/infra/identity-keys.test.ts holds the other half: a secret's ARN reaches exactly
 * these functions, so nothing else can reach the client's import.
 */
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { bundlingFor, readsSecrets, SECRETS_MANAGER_CLIENT } from "../../../infra/constructs/bundling";
import { REPO_ROOT } from "../../../infra/local/paths";
import { SERVICE_DEFINITIONS } from "../../../infra/services";

const functions = SERVICE_DEFINITIONS.flatMap((s) => s.functions);

const bundledWithClient = async (secrets: boolean): Promise<string[]> => {
  const group = functions.filter((f) => readsSecrets(f) === secrets);
  const b = bundlingFor(secrets);
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(group.map((f) => [f.id, join(REPO_ROOT, f.entry)])),
    outdir: "/bundles",
    write: false,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: "node",
    target: b.target,
    format: "esm",
    mainFields: b.mainFields,
    external: b.externalModules,
    logLevel: "silent",
    metafile: true,
  });
  return Object.entries(result.metafile.outputs)
    .filter(([, output]) =>
      Object.keys(output.inputs).some((input) => input.includes(`${SECRETS_MANAGER_CLIENT}/`)),
    )
    .map(([file]) => /([^/]+)\.js$/.exec(file)?.[1] ?? file);
};

describe("the Secrets Manager client in the bundles", () => {
  it("is in every function that reads a secret, and in no other", async () => {
    const readers = functions.filter(readsSecrets).map((f) => f.id);
    // The webhooks and what seals identities read secrets; pilot reports and the sweeps do not.
    expect(readers).toEqual(expect.arrayContaining(["hotline-incoming", "hotline-next", "intake-create"]));
    expect(readers.filter((id) => id.startsWith("pilot-reports") || id.endsWith("outbox-sweep"))).toEqual([]);
    expect((await bundledWithClient(true)).sort()).toEqual([...readers].sort());
    expect(await bundledWithClient(false)).toEqual([]);
  }, 60_000);
});
