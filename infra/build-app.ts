import { App, CrossStackReferences, ReferenceStrength } from "aws-cdk-lib";
import type { ServiceDefinition } from "../shared/service";
import { readDeploymentConfig } from "./config";
import { ConsoleStack, readConsoleConfig } from "./console-stack";
import { applyNag } from "./nag";
import { SERVICE_DEFINITIONS } from "./services";
import { StatefulStack } from "./stateful-stack";
import { addStatelessStacks, type StatelessStacks } from "./stateless-stack";

export interface BuildAppOptions {
  /** Extra CDK context, e.g. `{ "aws:cdk:bundling-stacks": [] }` in tests to skip bundling. */
  readonly context?: Record<string, unknown>;
  /** The deployed services; tests pass fakes to reach code paths no real service uses yet. */
  readonly services?: readonly ServiceDefinition[];
  readonly outdir?: string;
  /** aws-cdk-lib's own template validation (about 3 s); tests turn it off. */
  readonly builtinCloudFormationValidation?: boolean;
}

export interface BuiltApp extends StatelessStacks {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly console: ConsoleStack;
}

export const STATEFUL_STACK_ID = "NyRiktningStateful";
export const CONSOLE_STACK_ID = "NyRiktningConsole";

export const buildApp = (options: BuildAppOptions = {}): BuiltApp => {
  const app = new App({
    ...(options.context ? { context: options.context } : {}),
    ...(options.outdir ? { outdir: options.outdir } : {}),
    ...(options.builtinCloudFormationValidation === undefined
      ? {}
      : { builtinCloudFormationValidation: options.builtinCloudFormationValidation }),
  });
  // Strong (Export/ImportValue) on purpose: CloudFormation then refuses to remove a table, queue or
  // secret from the stateful stack while a function still uses it.
  CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
  applyNag(app);

  const config = readDeploymentConfig(app.node);
  const services = options.services ?? SERVICE_DEFINITIONS;
  // A region and no account: synth needs no credentials and performs no lookups.
  const env = { region: config.region };

  const stateful = new StatefulStack(app, STATEFUL_STACK_ID, {
    env,
    description: "Ny riktning: tables, queues, the data key, secrets and the alarm topic",
    services: services.map((s) => s.name),
    ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
  });
  const stateless = addStatelessStacks(app, {
    env,
    stateful,
    services,
    jwtIssuer: config.jwtIssuer,
    jwtAudience: config.jwtAudience,
    ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    ...(config.telephonySourceAddresses ? { telephonySourceAddresses: config.telephonySourceAddresses } : {}),
    ...(config.provisionedConcurrency ? { provisionedConcurrency: config.provisionedConcurrency } : {}),
    ...(config.taskMail ? { taskMail: config.taskMail } : {}),
  });
  const console = new ConsoleStack(app, CONSOLE_STACK_ID, {
    env,
    description: "Ny riktning: the staff console (S3 and CloudFront, with /v1/* to the HTTP API)",
    api: stateless.api.main.httpApi,
    config: readConsoleConfig(app.node, config.jwtIssuer),
  });
  return { app, stateful, ...stateless, console };
};
