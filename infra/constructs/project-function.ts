import { join } from "node:path";
import { Duration } from "aws-cdk-lib";
import { type IRole, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { ENV, type ServiceName } from "../../shared/resources";
import { DEADLINE_BREACHED_METRIC, REPO_ROOT } from "../config";
import { acknowledgeProjectFunction } from "../nag";
import { bundlingFor } from "./bundling";

export interface ProjectFunctionProps {
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly service: ServiceName;
  readonly description?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** Concurrency reserved for this function (and its ceiling); unset: the account's shared pool. */
  readonly reservedConcurrency?: number;
  /** Reads a secret from Secrets Manager (bundling.ts readsSecrets): only then is its client bundled. */
  readonly readsSecrets?: boolean;
}

export const DEFAULT_MEMORY_MB = 512;
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * A Lambda function with the project's defaults. Permissions come only through the `bind*`
 * helpers, so what a function may touch is visible where the service is wired.
 */
export class ProjectFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: IRole;
  readonly logGroup: LogGroup;
  readonly service: ServiceName;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    this.service = props.service;

    this.logGroup = new LogGroup(this, "Logs", { retention: LOG_RETENTION });

    // Our own role instead of the generated one: the generated one carries the managed
    // AWSLambdaBasicExecutionRole, which may write to every log group in the account.
    const role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `${id}: execution role`,
    });
    this.logGroup.grantWrite(role);
    this.role = role;

    this.function = new NodejsFunction(this, "Function", {
      entry: join(REPO_ROOT, props.entry),
      handler: "handler",
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, "package-lock.json"),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(props.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      ...(props.description ? { description: props.description } : {}),
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      environment: {
        [ENV.serviceName]: props.service,
        POWERTOOLS_METRICS_NAMESPACE: DEADLINE_BREACHED_METRIC.namespace,
      },
      bundling: bundlingFor(props.readsSecrets === true),
    });

    acknowledgeProjectFunction(this);
  }

  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }
}
