import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CfnElement, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
import { expect } from "vitest";
import { type BuildAppOptions, type BuiltApp, buildApp } from "../../infra/build-app";
import { OFFLINE_JWT_ISSUER } from "../../infra/config";

export interface Finding {
  readonly ruleName: string;
  readonly severity: string;
  readonly constructPaths: readonly string[];
}

export interface Synthesised {
  readonly built: BuiltApp;
  readonly stateful: Template;
  /** The shared API stack: the HTTP APIs, the authorizer, the queues' alarms. */
  readonly api: Template;
  /** The stages, with the route throttles. */
  readonly stage: Template;
  /** Every stateless stack: the API stack, each service's stack and the stage stack. */
  readonly stateless: readonly Template[];
  /** The template of the stack a construct is in. */
  readonly templateOf: (construct: IConstruct) => Template;
  /** Every cdk-nag finding left after the acknowledgements, warnings included. */
  readonly findings: readonly Finding[];
  readonly cleanup: () => void;
}

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly violations: readonly {
      readonly ruleName: string;
      readonly severity: string;
      readonly violatingConstructs: readonly { readonly constructPath: string }[];
    }[];
  }[];
}

/**
 * Builds and synthesises the app once, fast: no bundling, no built-in CloudFormation validation,
 * and cdk-nag findings collected into the report instead of failing the synth.
 */
export const synthesise = (options: Omit<BuildAppOptions, "outdir"> = {}): Synthesised => {
  const outdir = mkdtempSync(join(tmpdir(), "ny-riktning-infra-"));
  const built = buildApp({
    ...options,
    outdir,
    builtinCloudFormationValidation: false,
    context: {
      "aws:cdk:bundling-stacks": [],
      "@aws-cdk/core:failSynthOnValidationErrors": false,
      // Named explicitly: a synth without an issuer fails (infra/config.ts).
      jwtIssuer: OFFLINE_JWT_ISSUER,
      ...options.context,
    },
  });
  built.app.synth();
  const report = JSON.parse(readFileSync(join(outdir, "validation-report.json"), "utf8")) as ValidationReport;
  const findings = report.pluginReports.flatMap((plugin) =>
    plugin.violations.map((v) => ({
      ruleName: v.ruleName,
      severity: v.severity,
      constructPaths: v.violatingConstructs.map((c) => c.constructPath),
    })),
  );
  const templates = new Map<Stack, Template>(
    [built.stateful, built.api, ...built.services.values(), built.stage, built.console].map((stack) => [
      stack,
      Template.fromStack(stack),
    ]),
  );
  const templateOf = (construct: IConstruct): Template => {
    const template = templates.get(Stack.of(construct));
    if (!template) throw new Error(`${construct.node.path} is in no stack of the app`);
    return template;
  };
  return {
    built,
    stateful: templateOf(built.stateful),
    api: templateOf(built.api),
    stage: templateOf(built.stage),
    stateless: [built.api, ...built.services.values(), built.stage].map(templateOf),
    templateOf,
    findings,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
};

export const logicalId = (construct: IConstruct): string => {
  const child = construct.node.defaultChild as CfnElement | undefined;
  if (!child) throw new Error(`${construct.node.path} has no default child`);
  return (child.stack as Stack).getLogicalId(child);
};

/** A construct's own resource, from its stack's template. */
export const resourceOf = (s: Synthesised, construct: IConstruct): CfnJson => {
  const id = logicalId(construct);
  const resource = (s.templateOf(construct).toJSON() as { Resources: Record<string, CfnJson> }).Resources[id];
  if (!resource) throw new Error(`no resource ${id} for ${construct.node.path}`);
  return resource;
};

/** The template's resources of one type, as plain JSON. */
export interface CfnJson {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/**
 * The resources of one type, as plain JSON, by logical id: of one template, or of several (the
 * stateless stacks), where a logical id must not repeat, so that a lookup by id finds the one meant.
 */
export const resourcesOf = (
  templates: Template | readonly Template[],
  type: string,
): Record<string, CfnJson> => {
  const found: Record<string, CfnJson> = {};
  for (const template of [templates].flat()) {
    for (const [id, resource] of Object.entries(template.findResources(type) as Record<string, CfnJson>)) {
      if (id in found) throw new Error(`logical id ${id} is in more than one template`);
      found[id] = resource;
    }
  }
  return found;
};

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/**
 * IAM statements that grant a wildcard action, Scan, or a wildcard resource for anything but
 * X-Ray (whose actions have no resource-level permissions).
 */
export const overlyBroadStatements = (templates: Template | readonly Template[]): Statement[] =>
  Object.values(resourcesOf(templates, "AWS::IAM::Policy"))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((statement) => {
      const actions = [statement.Action].flat();
      const anyResource = [statement.Resource].flat().includes("*");
      return (
        actions.some((a) => a.includes("*") || a === "dynamodb:Scan") ||
        (anyResource && !actions.every((a) => a.startsWith("xray:")))
      );
    });

/**
 * How a service stack's template names a resource of the API stack: an import of the export CDK
 * makes for its `Ref`, or for the attribute given. Export names embed the resource's logical id.
 */
export const importOf = (logicalId: string, attribute?: string): { "Fn::ImportValue": unknown } => ({
  "Fn::ImportValue": expect.stringMatching(
    new RegExp(
      `:ExportsOutput${attribute ? `FnGetAtt${logicalId}${attribute}` : `Ref${logicalId}`}[0-9A-F]{8}$`,
    ),
  ),
});

/** The logical id a value refers to: by `Ref` in its own stack, or by importing the export of one. */
export const refOf = (value: unknown): string | undefined => {
  if (typeof value !== "object" || value === null) return undefined;
  if ("Ref" in value && typeof value.Ref === "string") return value.Ref;
  const imported = "Fn::ImportValue" in value ? value["Fn::ImportValue"] : undefined;
  return typeof imported === "string" ? /:ExportsOutputRef(\w+)[0-9A-F]{8}$/.exec(imported)?.[1] : undefined;
};
