/**
 * The app's stacks stay clear of CloudFormation's 500 resources per stack, synthesise without an
 * AWS account, and refer to one another one way only (service stacks to the shared stacks), so any
 * service stack can be deployed, replaced or removed on its own. The app as `cdk synth` builds it.
 */
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_STACK_ID, STATEFUL_STACK_ID } from "../../infra/build-app";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import {
  API_STACK_ID,
  API_STACK_NAME,
  API_STAGE_STACK_ID,
  serviceStackId,
} from "../../infra/stateless-stack";
import { type Synthesised, synthesise } from "./synth";

/** CloudFormation refuses a stack above 500 resources; 100 spare leave room for a service's next routes. */
const MAX_RESOURCES_PER_STACK = 400;

let s: Synthesised;
let assembly: CloudAssembly;
beforeAll(() => {
  s = synthesise();
  assembly = s.built.app.synth();
}, 120_000);
afterAll(() => s.cleanup());

const serviceStackIds = SERVICE_DEFINITIONS.map((d) => serviceStackId(d.name));
const resourceCount = (id: string): number =>
  Object.keys((assembly.getStackArtifact(id).template as { Resources?: object }).Resources ?? {}).length;
const exportsOf = (id: string): string[] =>
  Object.values(
    (assembly.getStackArtifact(id).template as { Outputs?: Record<string, { Export?: { Name: string } }> })
      .Outputs ?? {},
  ).flatMap((o) => (o.Export ? [o.Export.Name] : []));
const importsOf = (id: string): string[] =>
  [...JSON.stringify(assembly.getStackArtifact(id).template).matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
const dependenciesOf = (id: string): string[] =>
  assembly
    .getStackArtifact(id)
    .dependencies.map((d) => d.id)
    .filter((d) => d !== `${id}.assets`)
    .sort();

describe("the app's stacks", () => {
  it("are the stateful stack, the API stack, one stack per service, the stages and the console", () => {
    expect(assembly.stacks.map((st) => st.id).sort()).toEqual(
      [STATEFUL_STACK_ID, API_STACK_ID, ...serviceStackIds, API_STAGE_STACK_ID, CONSOLE_STACK_ID].sort(),
    );
    expect(serviceStackIds).toContain("NyRiktningPilotReports");
    expect(assembly.getStackArtifact(API_STACK_ID).stackName).toBe(API_STACK_NAME);
  });

  it(`each hold at most ${MAX_RESOURCES_PER_STACK} resources, and each something`, () => {
    const counts = Object.fromEntries(assembly.stacks.map((st) => [st.id, resourceCount(st.id)]));
    for (const [id, count] of Object.entries(counts)) {
      expect({ id, count, within: count > 0 && count <= MAX_RESOURCES_PER_STACK }).toEqual({
        id,
        count,
        within: true,
      });
    }
  });

  it("synthesise without an AWS account: no lookups, no context left to fetch, the region from config", () => {
    expect(assembly.manifest.missing ?? []).toEqual([]);
    for (const stack of assembly.stacks) {
      expect(stack.environment.account).toBe("unknown-account");
      expect(stack.environment.region).toBe("eu-north-1");
    }
  });
});

describe("references between the stacks", () => {
  it("run from the service stacks to the stateful and API stacks, never back", () => {
    for (const id of serviceStackIds) {
      expect(dependenciesOf(id), id).toEqual([API_STACK_ID, STATEFUL_STACK_ID].sort());
      // Nothing may import from a service stack: CloudFormation would then refuse to change it.
      expect(exportsOf(id), id).toEqual([]);
    }
    expect(dependenciesOf(API_STACK_ID)).toEqual([STATEFUL_STACK_ID]);
    expect(importsOf(API_STACK_ID).every((name) => name.startsWith(`${STATEFUL_STACK_ID}:`))).toBe(true);
  });

  it("put the stages after every service stack by order alone, importing only from the API stack", () => {
    expect(dependenciesOf(API_STAGE_STACK_ID)).toEqual([API_STACK_ID, ...serviceStackIds].sort());
    const imports = importsOf(API_STAGE_STACK_ID);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((name) => name.startsWith(`${API_STACK_NAME}:`))).toBe(true);
    expect(exportsOf(API_STAGE_STACK_ID)).toEqual([]);
  });

  it("leave the console depending on the API stack alone", () => {
    expect(dependenciesOf(CONSOLE_STACK_ID)).toEqual([API_STACK_ID]);
  });
});
