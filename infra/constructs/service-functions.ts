import { Duration } from "aws-cdk-lib";
import {
  type HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type IHttpRouteAuthorizer,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { Construct } from "constructs";
import { deadlineBreached } from "../../shared/events/catalogue";
import { ENV } from "../../shared/resources";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import { acknowledgeWebhookRoute } from "../nag";
import type { StatefulResources } from "../stateful-stack";
import { deadlineBreachedAlarm, functionErrorsAlarm } from "./alarms";
import { bindIdentityKeys, bindPublisher, bindSecret, bindTable } from "./bind";
import { routeServerErrorsAlarm, ServiceFaultAlarms } from "./fault-alarms";
import { DEFAULT_TIMEOUT_SECONDS, ProjectFunction } from "./project-function";

export interface ServiceApi {
  readonly httpApi: HttpApi;
  /** Verifies bearer tokens for every route whose auth is `jwt`. */
  readonly jwtAuthorizer: IHttpRouteAuthorizer;
  /** Where the API is reachable from outside; handlers that build callback URLs read it. */
  readonly publicBaseUrl: string;
  /** The stage whose detailed metrics the per-route 5xx alarms watch (default `$default`). */
  readonly stageName?: string;
}

export interface ServiceFunctionsProps {
  readonly definition: ServiceDefinition;
  readonly stateful: StatefulResources;
  readonly api: ServiceApi;
}

/**
 * One service's functions, wired from its ServiceDefinition alone: every function gets the
 * service's table, the queues its events fan out to, and the identity keys if it uses them; then by kind an API
 * route, its queue as event source, or a schedule; and an error alarm. A new service deploys by
 * adding its definition to infra/services.ts — nothing here names a service.
 */
export class ServiceFunctions extends Construct {
  readonly functions: ReadonlyMap<string, ProjectFunction>;

  constructor(scope: Construct, id: string, props: ServiceFunctionsProps) {
    super(scope, id);
    const { definition: service, stateful, api } = props;
    const table = stateful.table(service.name);
    const hasWebhooks = service.functions.some((f) => f.kind === "http" && f.route.auth.type === "webhook");

    const functions = new Map<string, ProjectFunction>();
    for (const def of service.functions) {
      const fn = new ProjectFunction(this, def.id, {
        entry: def.entry,
        service: service.name,
        description: describeFunction(service, def),
        ...(def.memoryMb ? { memoryMb: def.memoryMb } : {}),
        ...(def.timeoutSeconds ? { timeoutSeconds: def.timeoutSeconds } : {}),
      });
      bindTable(fn, table);
      // Every function may write through the outbox, and the outbox sends right away.
      bindPublisher(fn, service, stateful);
      // Only what seals, opens or links identities may read the keys; the key ring of any other
      // function fails if asked (shared/runtime/keys.ts keyRingFromEnv).
      if (def.usesIdentityKeys) bindIdentityKeys(fn, stateful.identityKeysSecret);
      if (hasWebhooks) fn.addEnvironment(ENV.publicBaseUrl, api.publicBaseUrl);

      if ((def.kind === "http" && def.route.auth.type === "webhook") || def.usesTelephonyProvider) {
        bindSecret(fn, stateful.telephonyWebhookSecret, ENV.telephonyWebhookSecretArn);
      }

      switch (def.kind) {
        case "http":
          this.addRoute(fn, def.id, def.route, api);
          break;
        case "queue": {
          const { queue, definition: queueDef } = stateful.queue(def.queue);
          const timeout = def.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
          // Lambda refuses an event source whose visibility timeout is shorter than the function's
          // timeout; failing at synth beats failing half-way through a deploy.
          if (queueDef.visibilityTimeoutSeconds < timeout) {
            throw new Error(
              `${def.id}: timeout ${timeout}s exceeds the ${def.queue} queue's visibility timeout ${queueDef.visibilityTimeoutSeconds}s`,
            );
          }
          fn.function.addEventSource(
            new SqsEventSource(queue, {
              batchSize: queueDef.batchSize,
              maxBatchingWindow: Duration.seconds(queueDef.maxBatchingWindowSeconds),
              reportBatchItemFailures: true,
              ...(def.maxConcurrency ? { maxConcurrency: def.maxConcurrency } : {}),
            }),
          );
          break;
        }
        case "schedule": {
          new Rule(this, `${def.id}Schedule`, {
            description: `${def.id}: every ${def.everyMinutes} min`,
            schedule: Schedule.rate(Duration.minutes(def.everyMinutes)),
            targets: [new LambdaFunction(fn.function, { retryAttempts: 2 })],
          });
          // A failed sweep is retried by the next tick; Lambda's own async retries would only
          // run the same sweep again, late, beside it.
          fn.function.configureAsyncInvoke({
            retryAttempts: 0,
            maxEventAge: Duration.minutes(Math.max(1, def.everyMinutes)),
          });
          break;
        }
      }

      functionErrorsAlarm(this, `${def.id}Errors`, fn.function, stateful.alarmTopic, def.id);
      if (def.kind === "http") {
        routeServerErrorsAlarm(this, `${def.id}ServerErrors`, {
          apiId: api.httpApi.apiId,
          stageName: api.stageName ?? "$default",
          route: def.route,
          topic: stateful.alarmTopic,
        });
      }
      functions.set(def.id, fn);
    }
    this.functions = functions;

    if (service.publishes.includes(deadlineBreached.type)) {
      deadlineBreachedAlarm(this, "DeadlineBreached", service.name, stateful.alarmTopic);
    }
    new ServiceFaultAlarms(this, "Faults", {
      service: service.name,
      functions: [...functions.values()],
      topic: stateful.alarmTopic,
      hasDeadlineSweep: service.publishes.includes(deadlineBreached.type),
      hasOutbox: service.publishes.length > 0,
    });
  }

  private addRoute(fn: ProjectFunction, id: string, route: HttpRoute, api: ServiceApi): void {
    const jwt = route.auth.type === "jwt" ? route.auth : undefined;
    if (jwt && jwt.scopes.length === 0) {
      // An empty scope list would admit any valid token, whoever it was minted for.
      throw new Error(`${id}: a jwt route needs at least one scope`);
    }
    const routes = api.httpApi.addRoutes({
      path: route.path,
      // HEAD answers as GET without a body (the edge drops it), as HTTP asks of a general-purpose server.
      methods: route.method === "GET" ? [HttpMethod.GET, HttpMethod.HEAD] : [HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${id}Integration`, fn.function),
      // API Gateway admits a token carrying any one of the route's scopes (as shared/service.ts intends).
      ...(jwt
        ? { authorizer: api.jwtAuthorizer, authorizationScopes: [...jwt.scopes] }
        : { authorizer: new HttpNoneAuthorizer() }),
    });
    if (!jwt) for (const r of routes) acknowledgeWebhookRoute(r);
  }
}

const describeFunction = (service: ServiceDefinition, def: FunctionDefinition): string => {
  switch (def.kind) {
    case "http":
      return `${service.name}: ${def.route.method} ${def.route.path}`;
    case "queue":
      return `${service.name}: consumes the ${def.queue} queue`;
    case "schedule":
      return `${service.name}: ${def.id} every ${def.everyMinutes} min`;
  }
};
