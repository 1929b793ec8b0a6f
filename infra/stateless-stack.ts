import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { HttpApi, HttpStage } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import type { Construct } from "constructs";
import type { ServiceName } from "../shared/resources";
import type { ServiceDefinition } from "../shared/service";
import type { TaskMailDeployment } from "./config";
import { QueueAlarms } from "./constructs/alarms";
import { type ProjectApi, projectHttpApi } from "./constructs/http-api";
import { ServiceFunctions } from "./constructs/service-functions";
import type { StatefulResources } from "./stateful-stack";

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulResources;
  readonly services: readonly ServiceDefinition[];
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
  /** Where the telephony provider calls back; defaults to the telephony API's execute-api endpoint. */
  readonly publicBaseUrl?: string;
  /** The telephony webhooks' allowed source addresses; unset: the provider's published ones. */
  readonly telephonySourceAddresses?: string;
  /** Provisioned concurrency for the functions that reserve concurrency; unset or 0: none. */
  readonly provisionedConcurrency?: number;
  /** Task mail (infra/config.ts); absent: no function may send mail. */
  readonly taskMail?: TaskMailDeployment;
}

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

/**
 * What can be replaced at will: functions, the HTTP APIs, event source mappings, schedules and
 * alarms. It holds no data; everything it reads or writes lives in the stateful stack.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The telephony webhooks' own API; absent when no service has webhooks. */
  readonly telephonyApi: ProjectApi | undefined;
  readonly services: ReadonlyMap<ServiceName, ServiceFunctions>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    assertUnique(props.services);

    const main = projectHttpApi(this, "Api", {
      apiName: "ny-riktning",
      description: "Ny riktning: release notices, referrals, the hotline and pilot reports",
      throttle: API_THROTTLE,
    });
    this.api = main.httpApi;
    this.stage = main.stage;
    const hasWebhooks = props.services.some((s) =>
      s.functions.some((f) => f.kind === "http" && f.route.auth.type === "webhook"),
    );
    // A host of its own, given only to the provider: the staff console never names it.
    this.telephonyApi = hasWebhooks
      ? projectHttpApi(this, "TelephonyApi", {
          apiName: "ny-riktning-telephony",
          description: "Ny riktning: the telephony provider's webhooks (the avhoppartelefon)",
          throttle: TELEPHONY_API_THROTTLE,
        })
      : undefined;

    // Operators set `jwtIssuer` and `jwtAudience` in context (cdk.json or `-c`) to their identity
    // provider's issuer and this API's audience; the offline defaults match no real issuer.
    const jwtAuthorizer = new HttpJwtAuthorizer("JwtAuthorizer", props.jwtIssuer, {
      jwtAudience: [...props.jwtAudience],
    });

    // No trailing slash, like the local runtime's, so handlers join paths the same way in both.
    const publicBaseUrl =
      props.publicBaseUrl ?? this.telephonyApi?.httpApi.apiEndpoint ?? this.api.apiEndpoint;
    const services = new Map<ServiceName, ServiceFunctions>();
    for (const definition of props.services) {
      services.set(
        definition.name,
        new ServiceFunctions(this, definition.name, {
          definition,
          stateful: props.stateful,
          api: {
            main,
            jwtAuthorizer,
            publicBaseUrl,
            ...(this.telephonyApi ? { telephony: this.telephonyApi } : {}),
            ...(props.telephonySourceAddresses
              ? { telephonySourceAddresses: props.telephonySourceAddresses }
              : {}),
            ...(props.taskMail ? { taskMail: props.taskMail } : {}),
          },
          ...(props.provisionedConcurrency ? { provisionedConcurrency: props.provisionedConcurrency } : {}),
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
    if (this.telephonyApi) {
      new CfnOutput(this, "TelephonyApiUrl", {
        value: this.telephonyApi.stage.url,
        description: "Base URL of the telephony webhooks: configure the provider's numbers with it",
      });
    }
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
