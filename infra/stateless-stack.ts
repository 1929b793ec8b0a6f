import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { HttpApi, type HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import type { ServiceName } from "../shared/resources";
import type { ServiceDefinition } from "../shared/service";
import { QueueAlarms } from "./constructs/alarms";
import { LOG_RETENTION } from "./constructs/project-function";
import { ServiceFunctions } from "./constructs/service-functions";
import type { StatefulResources } from "./stateful-stack";

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulResources;
  readonly services: readonly ServiceDefinition[];
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
  /** Defaults to the API's execute-api endpoint. */
  readonly publicBaseUrl?: string;
}

/** Stage-wide limits; API Gateway answers 429 above them before any function runs. */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * What can be replaced at will: functions, the HTTP API, event source mappings, schedules and
 * alarms. It holds no data; everything it reads or writes lives in the stateful stack.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly services: ReadonlyMap<ServiceName, ServiceFunctions>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    assertUnique(props.services);

    this.api = new HttpApi(this, "Api", {
      apiName: "ny-riktning",
      description: "Ny riktning: release notices, referrals, the hotline and pilot reports",
      // The stage is added below, with the access logging and throttling the default stage lacks.
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, "ApiAccessLogs", { retention: LOG_RETENTION });
    this.stage = this.api.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: API_THROTTLE,
      // Per-route metrics (5xx by method and path): the routes' server-error alarms watch them.
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No query string, body or headers: those are where personal data could travel.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            requestTime: "$context.requestTimeEpoch",
            routeKey: "$context.routeKey",
            path: "$context.path",
            status: "$context.status",
            responseLatency: "$context.responseLatency",
            integrationLatency: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
            subject: "$context.authorizer.claims.sub",
            clientId: "$context.authorizer.claims.client_id",
            sourceIp: "$context.identity.sourceIp",
          }),
        ),
      },
    });

    // Operators set `jwtIssuer` and `jwtAudience` in context (cdk.json or `-c`) to their identity
    // provider's issuer and this API's audience; the offline defaults match no real issuer.
    const jwtAuthorizer = new HttpJwtAuthorizer("JwtAuthorizer", props.jwtIssuer, {
      jwtAudience: [...props.jwtAudience],
    });

    // No trailing slash, like the local runtime's, so handlers join paths the same way in both.
    const publicBaseUrl = props.publicBaseUrl ?? this.api.apiEndpoint;
    const services = new Map<ServiceName, ServiceFunctions>();
    for (const definition of props.services) {
      services.set(
        definition.name,
        new ServiceFunctions(this, definition.name, {
          definition,
          stateful: props.stateful,
          api: { httpApi: this.api, jwtAuthorizer, publicBaseUrl },
        }),
      );
    }
    this.services = services;

    const consumed = new Set(
      props.services.flatMap((s) => s.functions.flatMap((f) => (f.kind === "queue" ? [f.queue] : []))),
    );
    for (const [service, queue] of props.stateful.queues) {
      new QueueAlarms(this, `${service}QueueAlarms`, {
        queue,
        consumerDeployed: consumed.has(service),
        topic: props.stateful.alarmTopic,
      });
    }

    new CfnOutput(this, "ApiUrl", { value: this.stage.url, description: "Base URL of the HTTP API" });
  }
}

/** Duplicates would otherwise surface as construct-id clashes far from their cause. */
const assertUnique = (services: readonly ServiceDefinition[]): void => {
  const seen = new Map<string, string>();
  const claim = (key: string, owner: string): void => {
    const previous = seen.get(key);
    if (previous) throw new Error(`${key} is defined twice: by ${previous} and by ${owner}`);
    seen.set(key, owner);
  };
  for (const service of services) {
    claim(`service ${service.name}`, service.name);
    for (const fn of service.functions) {
      claim(`function id ${fn.id}`, service.name);
      if (fn.kind === "http") claim(`route ${fn.route.method} ${fn.route.path}`, fn.id);
    }
  }
};
