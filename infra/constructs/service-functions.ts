import { Duration } from "aws-cdk-lib";
import {
  HttpRoute as ApiRoute,
  HttpNoneAuthorizer,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { Alias, type IFunction } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { Construct } from "constructs";
import { deadlineBreached } from "../../shared/events/catalogue";
import { ENV } from "../../shared/resources";
import {
  type FunctionDefinition,
  type HttpRoute,
  type ServiceDefinition,
  WEBHOOK_SOURCES_ENV,
} from "../../shared/service";
import type { TaskMailDeployment } from "../config";
import { acknowledgeWebhookRoute } from "../nag";
import type { StatefulResources } from "../stateful-stack";
import { deadlineBreachedAlarm, functionErrorsAlarm } from "./alarms";
import {
  bindAuditTable,
  bindIdentityKeys,
  bindPublisher,
  bindSecret,
  bindSettings,
  bindTable,
  bindTaskMail,
} from "./bind";
import { readsSecrets, readsTelephonySecret } from "./bundling";
import { routeServerErrorsAlarm, ServiceFaultAlarms } from "./fault-alarms";
import { routeMethods, routeThrottle, STAGE_NAME } from "./http-api";
import { DEFAULT_TIMEOUT_SECONDS, ProjectFunction } from "./project-function";

/**
 * The shared APIs a service's routes are added to. The routes live with the service (its stack),
 * and only point at the APIs: a service's deploy never changes the shared stack.
 */
export interface ServiceApi {
  /** The staff and systems API: every route whose auth is `jwt`. */
  readonly main: IHttpApi;
  /** The telephony webhooks' own API: every route whose auth is `webhook`. */
  readonly telephony?: IHttpApi;
  /** Verifies bearer tokens for every route whose auth is `jwt`. */
  readonly jwtAuthorizer: IHttpRouteAuthorizer;
  /** Where the provider calls back; handlers that build callback URLs read it. */
  readonly publicBaseUrl: string;
  /** The webhooks' allowed source addresses (WEBHOOK_SOURCES_ENV); unset: the provider's published ones. */
  readonly telephonySourceAddresses?: string;
  /** Task mail settings for functions that send mail; absent: mail is off. */
  readonly taskMail?: TaskMailDeployment;
}

export interface ServiceFunctionsProps {
  readonly definition: ServiceDefinition;
  readonly stateful: StatefulResources;
  readonly api: ServiceApi;
  /** Provisioned concurrency for each function that reserves concurrency (at most its reservation). */
  readonly provisionedConcurrency?: number;
}

/**
 * One service's functions, wired from its ServiceDefinition alone: every function gets the
 * service's table, the queues its events fan out to, and the identity keys if it uses them; then
 * by kind an API route (on the staff API, or a webhook on the telephony API, each route with a
 * 5xx alarm; its throttle is on the stage, http-api.ts projectStage), its queue as event source, or
 * a schedule; and an error alarm. A new service deploys by adding its definition to
 * infra/services.ts — nothing here names a service.
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
        ...(def.reservedConcurrency ? { reservedConcurrency: def.reservedConcurrency } : {}),
        readsSecrets: readsSecrets(def),
      });
      bindTable(fn, table);
      // Every rule reads the settings in force for its municipality (shared/settings).
      bindSettings(fn, stateful.settingsTable, def.writesSettings ? "write" : "read");
      bindAuditTable(fn, service.name, stateful.auditTable);
      // Every function may write through the outbox, and the outbox sends right away.
      bindPublisher(fn, service, stateful);
      // Only what seals, opens or links identities may read the keys; the key ring of any other
      // function fails if asked (shared/runtime/keys.ts keyRingFromEnv).
      if (def.usesIdentityKeys) bindIdentityKeys(fn, stateful.identityKeysSecret);
      if (hasWebhooks) fn.addEnvironment(ENV.publicBaseUrl, api.publicBaseUrl);
      if (def.sendsMail && api.taskMail) bindTaskMail(fn, api.taskMail);

      const isWebhook = def.kind === "http" && def.route.auth.type === "webhook";
      if (readsTelephonySecret(def)) {
        bindSecret(fn, stateful.telephonyWebhookSecret, ENV.telephonyWebhookSecretArn);
      }
      if (isWebhook && api.telephonySourceAddresses) {
        fn.addEnvironment(WEBHOOK_SOURCES_ENV, api.telephonySourceAddresses);
      }

      switch (def.kind) {
        case "http":
          this.addRoute(this.target(fn, def, props.provisionedConcurrency), def.id, def.route, api);
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
        const served = apiOf(def.route, api);
        routeServerErrorsAlarm(this, `${def.id}ServerErrors`, {
          apiId: served.apiId,
          stageName: STAGE_NAME,
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

  /**
   * What the route invokes: the function, or (with provisioned concurrency, for a function that
   * reserves concurrency) its `live` alias, whose environments are kept initialised.
   */
  private target(fn: ProjectFunction, def: FunctionDefinition, provisioned: number | undefined): IFunction {
    const reserved = def.reservedConcurrency;
    if (def.kind === "http" && reserved !== undefined && reserved < routeThrottle(def.route).burstLimit) {
      // Otherwise Lambda, not the gateway, would turn away what the route admits: a 500, not a 429.
      throw new Error(
        `${def.id}: reserved concurrency ${reserved} is below its route's burst limit ${routeThrottle(def.route).burstLimit}`,
      );
    }
    if (!provisioned || !reserved) return fn.function;
    return new Alias(fn, "Live", {
      aliasName: "live",
      version: fn.function.currentVersion,
      provisionedConcurrentExecutions: Math.min(provisioned, reserved),
    });
  }

  private addRoute(handler: IFunction, id: string, route: HttpRoute, api: ServiceApi): void {
    const jwt = route.auth.type === "jwt" ? route.auth : undefined;
    if (jwt && jwt.scopes.length === 0) {
      // An empty scope list would admit any valid token, whoever it was minted for.
      throw new Error(`${id}: a jwt route needs at least one scope`);
    }
    const httpApi = apiOf(route, api);
    const integration = new HttpLambdaIntegration(`${id}Integration`, handler);
    // HEAD answers as GET without a body (the edge drops it), as HTTP asks of a general-purpose server.
    for (const method of routeMethods(route)) {
      // The id HttpApi.addRoutes gives a route, so acknowledgements and logical ids read the same.
      const r = new ApiRoute(this, `${method}${route.path}`, {
        httpApi,
        routeKey: HttpRouteKey.with(route.path, method),
        integration,
        // API Gateway admits a token carrying any one of the route's scopes (as shared/service.ts intends).
        ...(jwt
          ? { authorizer: api.jwtAuthorizer, authorizationScopes: [...jwt.scopes] }
          : { authorizer: new HttpNoneAuthorizer() }),
      });
      if (!jwt) acknowledgeWebhookRoute(r);
    }
  }
}

/** The API that serves a route: the telephony API for the webhooks, the staff API for the rest. */
const apiOf = (route: HttpRoute, api: ServiceApi): IHttpApi => {
  if (route.auth.type === "jwt") return api.main;
  if (!api.telephony)
    throw new Error(`${route.method} ${route.path}: a webhook route needs the telephony API`);
  return api.telephony;
};

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
