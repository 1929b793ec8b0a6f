import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CfnElement, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
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
  readonly stateless: Template;
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
  return {
    built,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
    findings,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
};

export const logicalId = (construct: IConstruct): string => {
  const child = construct.node.defaultChild as CfnElement | undefined;
  if (!child) throw new Error(`${construct.node.path} has no default child`);
  return (child.stack as Stack).getLogicalId(child);
};

/** The template's resources of one type, as plain JSON. */
export interface CfnJson {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export const resourcesOf = (template: Template, type: string): Record<string, CfnJson> =>
  template.findResources(type) as Record<string, CfnJson>;

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/**
 * IAM statements that grant a wildcard action, Scan, or a wildcard resource for anything but
 * X-Ray (whose actions have no resource-level permissions).
 */
export const overlyBroadStatements = (template: Template): Statement[] =>
  Object.values(resourcesOf(template, "AWS::IAM::Policy"))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((statement) => {
      const actions = [statement.Action].flat();
      const anyResource = [statement.Resource].flat().includes("*");
      return (
        actions.some((a) => a.includes("*") || a === "dynamodb:Scan") ||
        (anyResource && !actions.every((a) => a.startsWith("xray:")))
      );
    });
