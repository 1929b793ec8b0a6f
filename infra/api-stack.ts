import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import { HttpAuthorizer, HttpAuthorizerType } from "aws-cdk-lib/aws-apigatewayv2";
import type { Construct } from "constructs";
import type { ServiceDefinition } from "../shared/service";
import { QueueAlarms } from "./constructs/alarms";
import { type ProjectApi, projectHttpApi } from "./constructs/http-api";
import type { StatefulResources } from "./stateful-stack";

/**
 * Stage-wide limits of the staff and systems API; each route also has its own (http-api.ts), and
 * API Gateway answers 429 above either before any function runs.
 */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * The telephony API's stage-wide limits: its own budget, so that nothing at the staff API can
 * spend the provider's, and a flood of unauthenticated posts here cannot spend the staff's. The
 * sum of its routes' limits (services/hotline/service.ts), which this only caps.
 */
export const TELEPHONY_API_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

export interface ApiStackProps extends StackProps {
  readonly stateful: StatefulResources;
  readonly services: readonly ServiceDefinition[];
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
}

/** Whether any service has a route the telephony provider calls. */
export const hasWebhooks = (services: readonly ServiceDefinition[]): boolean =>
  services.some((s) => s.functions.some((f) => f.kind === "http" && f.route.auth.type === "webhook"));

/**
 * What the services share: the HTTP APIs, the JWT authorizer, and the queues' alarms. It names no
 * function and no route, so a service's deploy never changes it and it never depends on a service
 * stack; the service stacks refer to it. The stages come last (ApiStageStack), after the routes.
 */
export class ApiStack extends Stack {
  readonly main: ProjectApi;
  /** The telephony webhooks' own API; absent when no service has webhooks. */
  readonly telephony: ProjectApi | undefined;
  readonly jwtAuthorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // The construct ids below are those the single stateless stack had: the APIs, their log
    // groups and the authorizer keep their logical ids, so they are kept, not replaced.
    this.main = projectHttpApi(this, "Api", {
      apiName: "ny-riktning",
      description: "Ny riktning: release notices, referrals, the hotline and pilot reports",
      throttle: API_THROTTLE,
    });
    // A host of its own, given only to the provider: the staff console never names it.
    this.telephony = hasWebhooks(props.services)
      ? projectHttpApi(this, "TelephonyApi", {
          apiName: "ny-riktning-telephony",
          description: "Ny riktning: the telephony provider's webhooks (the avhoppartelefon)",
          throttle: TELEPHONY_API_THROTTLE,
        })
      : undefined;

    // Operators set `jwtIssuer` and `jwtAudience` in context (cdk.json or `-c`) to their identity
    // provider's issuer and this API's audience; the offline defaults match no real issuer.
    this.jwtAuthorizer = new HttpAuthorizer(this.main.httpApi, "JwtAuthorizer", {
      httpApi: this.main.httpApi,
      type: HttpAuthorizerType.JWT,
      authorizerName: "JwtAuthorizer",
      identitySource: ["$request.header.Authorization"],
      jwtIssuer: props.jwtIssuer,
      jwtAudience: [...props.jwtAudience],
    });

    // Every queue, whether or not its consumer is deployed: a queue belongs to no one service's deploy.
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

    new CfnOutput(this, "ApiUrl", {
      value: `${this.main.httpApi.apiEndpoint}/`,
      description: "Base URL of the HTTP API",
    });
    if (this.telephony) {
      new CfnOutput(this, "TelephonyApiUrl", {
        value: `${this.telephony.httpApi.apiEndpoint}/`,
        description: "Base URL of the telephony webhooks: configure the provider's numbers with it",
      });
    }
  }
}
