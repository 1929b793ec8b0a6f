/**
 * The identity-key secret reaches only the functions that seal, open or link identities: the flag
 * on each function definition matches what its handler's code can reach (a `keys.get()` call in
 * its import closure), and the deployed roles follow the flag, so pilot reports cannot read it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../.dependency-cruiser.mjs";
import { readsSecrets } from "../../infra/constructs/bundling";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { ENV, type ServiceName } from "../../shared/resources";
import { type CfnJson, logicalId, resourceOf, resourcesOf, type Synthesised, synthesise } from "./synth";

const root = fileURLToPath(new URL("../..", import.meta.url));
const allFunctions = SERVICE_DEFINITIONS.flatMap((service) =>
  service.functions.map((def) => ({ service, def })),
);

/** Each module's local imports, as dependency-cruiser resolves them (type-only imports included). */
const importGraph = async (): Promise<Map<string, string[]>> => {
  const { output } = await cruise(["services"], { ...config.options, baseDir: root });
  return new Map(
    (output as ICruiseResult).modules.map((m) => [
      m.source,
      m.dependencies.map((d) => d.resolved).filter((r) => !r.includes("node_modules")),
    ]),
  );
};

const asksForKeys = (file: string): boolean =>
  file.endsWith(".ts") && /\bkeys\.get\(\)/.test(readFileSync(`${root}${file}`, "utf8"));

const reachesKeys = (graph: Map<string, string[]>, entry: string): boolean => {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (asksForKeys(file)) return true;
    pending.push(...(graph.get(file) ?? []));
  }
  return false;
};

describe("which functions use the identity keys", () => {
  it("is declared exactly where a handler's code can ask for them", async () => {
    const graph = await importGraph();
    expect(graph.size).toBeGreaterThan(100);
    const declared = allFunctions.filter(({ def }) => def.usesIdentityKeys).map(({ def }) => def.id);
    const reaching = allFunctions.filter(({ def }) => reachesKeys(graph, def.entry)).map(({ def }) => def.id);
    expect(declared.sort()).toEqual(reaching.sort());
    // Whatever the code becomes, pilot reports reads no identity.
    expect(declared.filter((id) => id.startsWith("pilot-reports"))).toEqual([]);
  }, 60_000);
});

describe("the deployed grants", () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthesise();
  }, 120_000);
  afterAll(() => s.cleanup());

  const fnResource = (service: ServiceName, id: string): { fn: CfnJson; policies: CfnJson[] } => {
    const construct = s.built.services.get(service)?.functions.get(id);
    if (!construct) throw new Error(`no function ${id}`);
    const fn = resourceOf(s, construct.function);
    const role = logicalId(construct.function.role as unknown as Parameters<typeof logicalId>[0]);
    const policies = Object.values(resourcesOf(s.templateOf(construct), "AWS::IAM::Policy")).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(`"${role}"`),
    );
    return { fn, policies };
  };
  const secretReads = (policies: readonly CfnJson[]) =>
    policies
      .flatMap(
        (p) =>
          (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
      )
      .filter((st) => [st.Action].flat().includes("secretsmanager:GetSecretValue"))
      .map((st) => JSON.stringify(st.Resource));
  const envOf = (fn: CfnJson) =>
    (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

  it("lets no pilot-reports function read the identity-key secret or learn its name", () => {
    const keySecret = JSON.stringify(
      envOf(fnResource("intake", "intake-create").fn)[ENV.identityKeysSecretArn],
    );
    expect(keySecret).not.toBe(JSON.stringify(undefined));
    const pilot = allFunctions.filter(({ service }) => service.name === "pilot-reports");
    expect(pilot.length).toBeGreaterThan(0);
    for (const { def } of pilot) {
      const { fn, policies } = fnResource("pilot-reports", def.id);
      expect(envOf(fn)[ENV.identityKeysSecretArn]).toBeUndefined();
      expect(secretReads(policies)).not.toContain(keySecret);
    }
  });

  it("names a secret's ARN only to the functions whose bundle holds the Secrets Manager client", () => {
    // A function bundled without the client (bundling.ts) must never reach its import: the key ring
    // and the telephony secret fetch only when their ARN is set.
    for (const { service, def } of allFunctions) {
      const env = envOf(fnResource(service.name, def.id).fn);
      const namesSecret =
        env[ENV.identityKeysSecretArn] !== undefined || env[ENV.telephonyWebhookSecretArn] !== undefined;
      expect({ id: def.id, namesSecret }).toEqual({ id: def.id, namesSecret: readsSecrets(def) });
    }
  });

  it("grants the secret to each function declared to use it, and to no other", () => {
    const keySecret = JSON.stringify(
      envOf(fnResource("intake", "intake-create").fn)[ENV.identityKeysSecretArn],
    );
    for (const { service, def } of allFunctions) {
      const { policies } = fnResource(service.name, def.id);
      expect({ id: def.id, reads: secretReads(policies).includes(keySecret) }).toEqual({
        id: def.id,
        reads: def.usesIdentityKeys === true,
      });
    }
  });
});
