import { join, resolve } from "node:path";
import type * as esbuild from "esbuild";
import { readsTelephonySecret } from "../../infra/constructs/bundling";
import { REPO_ROOT } from "../../infra/local/paths";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { bundleAsDeployed } from "../support/bundles";

export const FLOOR_ID = "(floor)";
const FLOOR_ENTRY = "test/bench/cold-floor.ts";
/** The floor and the fixed stack's libraries (cold-stack.ts): measured as a function, beside the floor. */
export const STACK_ID = "(stack)";
/** The bare SDK sending what a function's first answer sent (cold-raw.ts, cold-raw-replay.ts). */
export const RAW_ID = "(raw)";

export interface ColdFunction {
  readonly id: string;
  readonly service: string;
  readonly kind: "http" | "queue" | "schedule" | "floor";
  readonly entry: string;
  /** As deployed (infra/constructs/service-functions.ts): which secrets its environment names. */
  readonly secrets: { readonly identityKeys: boolean; readonly telephony: boolean };
  /**
   * Whether infra may give it provisioned concurrency (a function that reserves concurrency:
   * infra/constructs/service-functions.ts): the bench then also measures an initialisation for it.
   */
  readonly provisioned?: boolean;
}

/**
 * Every function of SERVICE_DEFINITIONS, the stack's floor, the raw replay, and the floor last;
 * `only` keeps the ids it names (the stack always, as a reference row).
 */
export const coldFunctions = (only?: ReadonlySet<string>): ColdFunction[] => [
  ...SERVICE_DEFINITIONS.flatMap((service) =>
    service.functions.map((f) => ({
      id: f.id,
      service: service.name,
      kind: f.kind,
      entry: f.entry,
      secrets: {
        identityKeys: f.usesIdentityKeys === true,
        telephony: readsTelephonySecret(f),
      },
      provisioned: f.kind === "http" && f.reservedConcurrency !== undefined,
    })),
  ).filter((f) => !only || only.has(f.id) || only.has(f.service)),
  {
    id: STACK_ID,
    service: "hotline",
    kind: "floor",
    entry: "test/bench/cold-stack.ts",
    secrets: { identityKeys: false, telephony: false },
  },
  {
    id: RAW_ID,
    service: "-",
    kind: "floor",
    entry: "test/bench/cold-raw.ts",
    // Bundles the Secrets Manager client, which the raw replay builds when a recording fetched a secret.
    secrets: { identityKeys: true, telephony: false },
  },
  {
    id: FLOOR_ID,
    service: "-",
    kind: "floor",
    entry: FLOOR_ENTRY,
    secrets: { identityKeys: false, telephony: false },
  },
];

/** The name a function's files go by (bundle, fixtures, profiles): its id, or `floor`. */
const REFERENCE_FILES: Readonly<Record<string, string>> = {
  [FLOOR_ID]: "floor",
  [STACK_ID]: "stack",
  [RAW_ID]: "raw",
};
export const fileNameOf = (id: string) => REFERENCE_FILES[id] ?? id;

export const bundleFileOf = (dir: string, id: string) => join(dir, `${fileNameOf(id)}.mjs`);

/** Bundles, minified with source maps, as the CDK does (test/support/bundles.ts), into `outdir`. */
export const bundleFunctions = (functions: readonly ColdFunction[], outdir: string) =>
  bundleAsDeployed(
    functions.map((f) => ({
      name: fileNameOf(f.id),
      entry: f.entry,
      readsSecrets: f.secrets.identityKeys || f.secrets.telephony,
    })),
    { outdir, write: true },
  );

/** Minified bytes per package in one output, largest first; our own code by top folder. */
export const compositionOf = (metafile: esbuild.Metafile, file: string, top = 6) => {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(REPO_ROOT, path) === file)?.[1];
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match?.[1]?.replace(/^@(smithy|aws-sdk)\/.*$/, "AWS SDK") ?? "(ours)";
    parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
  }
  return [...parts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)}`)
    .join(", ");
};
