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
 * - No Node web streams at load: `node:stream/web`, which only @middy/core imports, is the class of
 *   shared/runtime/lazy-web-streams.ts, and no other module may import it (the class has no statics).
 */

import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { readsSecrets, SECRETS_MANAGER_CLIENT, WEB_STREAMS_ALIAS } from "../../../infra/constructs/bundling";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import { bundledMetafile, bundling, inputsByFunction } from "../../support/bundles";

const functions = SERVICE_DEFINITIONS.flatMap((s) => s.functions);
let metafile: Metafile;
let inputs: Map<string, string[]>;
beforeAll(async () => {
  metafile = await bundledMetafile(functions);
  inputs = inputsByFunction(metafile);
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

describe("Node's web streams in the bundles", () => {
  it("are imported by no function: @middy/core, their only importer, gets the lazy class", () => {
    const shim = WEB_STREAMS_ALIAS["node:stream/web"].replace(/^\.\//, "");
    const importers = Object.entries(metafile.inputs)
      .filter(([, input]) => input.imports.some((i) => i.original === "node:stream/web"))
      .map(([file, input]) => ({
        file,
        to: input.imports.find((i) => i.original === "node:stream/web")?.path,
      }));
    expect(importers).toEqual([{ file: "node_modules/@middy/core/index.js", to: shim }]);
    const external = Object.entries(metafile.outputs)
      .filter(([, out]) => out.imports.some((i) => i.path === "node:stream/web"))
      .map(([file]) => file);
    expect(external).toEqual([]);
    // Every function built on middy, which is every HTTP function, has the class instead.
    expect(bundling(inputs, shim).length).toBeGreaterThan(40);
    expect(bundling(inputs, shim).sort()).toEqual(bundling(inputs, "@middy/core/").sort());
  });
});
