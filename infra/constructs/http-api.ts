import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import type { HttpRoute, RouteThrottle } from "../../shared/service";
import { LOG_RETENTION } from "./project-function";

/**
 * Every route gets a throttle of its own on its stage: its definition's (shared/service.ts), or
 * this default for its method. Reads are cheap and come in bursts as a console loads; writes are
 * what people type. Together the routes stay far below the account's regional limit, so a flood
 * at one route cannot take the others' share.
 */
export const DEFAULT_ROUTE_THROTTLE = {
  read: { rateLimit: 25, burstLimit: 50 },
  write: { rateLimit: 10, burstLimit: 20 },
} as const satisfies Record<string, RouteThrottle>;

export const routeThrottle = (route: HttpRoute): RouteThrottle =>
  route.throttle ?? (route.method === "GET" ? DEFAULT_ROUTE_THROTTLE.read : DEFAULT_ROUTE_THROTTLE.write);

/** The methods a route is served on: HEAD beside every GET (the edge drops the body). */
export const routeMethods = (route: HttpRoute): HttpMethod[] =>
  route.method === "GET" ? [HttpMethod.GET, HttpMethod.HEAD] : [HttpMethod[route.method]];

// No query string, body or headers: those are where personal data could travel.
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
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
);

type RouteSettings = Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;

/** An HTTP API and the log group its stage writes access logs to. */
export interface ProjectApi {
  readonly httpApi: HttpApi;
  readonly accessLogs: LogGroup;
  /** The stage-wide limits; each route also has its own (routeThrottle). */
  readonly throttle: RouteThrottle;
}

/** The only stage each API has; its URL is the API's endpoint, with no stage segment. */
export const STAGE_NAME = "$default";

/**
 * Creates `<id>` (the API) and `<id>AccessLogs` under `scope`: the construct paths the first API was
 * deployed with, so that it is not replaced (and its URL kept). Its stage comes later
 * (projectStage), once the routes it names exist.
 */
export const projectHttpApi = (
  scope: Construct,
  id: string,
  props: { readonly apiName: string; readonly description: string; readonly throttle: RouteThrottle },
): ProjectApi => {
  const httpApi = new HttpApi(scope, id, {
    apiName: props.apiName,
    description: props.description,
    // The stage is added by projectStage, with the access logging and throttling the default stage lacks.
    createDefaultStage: false,
  });
  const accessLogs = new LogGroup(scope, `${id}AccessLogs`, { retention: LOG_RETENTION });
  return { httpApi, accessLogs, throttle: props.throttle };
};

/**
 * The API's `$default` stage: access logs, its stage-wide throttle, and each route's own throttle
 * (`METHOD /path`). API Gateway refuses route settings naming a route that does not exist yet, so
 * the stage must be deployed after the routes it names (infra/stateless-stack.ts orders the stacks).
 */
export const projectStage = (
  scope: Construct,
  id: string,
  api: ProjectApi,
  routes: readonly HttpRoute[],
): HttpStage => {
  const stage = new HttpStage(scope, id, {
    httpApi: api.httpApi,
    stageName: STAGE_NAME,
    autoDeploy: true,
    throttle: api.throttle,
    // Per-route metrics (5xx by method and path): the routes' server-error alarms watch them.
    detailedMetricsEnabled: true,
    accessLogSettings: { destination: new LogGroupLogDestination(api.accessLogs), format: ACCESS_LOG_FORMAT },
  });
  const settings: RouteSettings = {};
  for (const route of routes) {
    const throttle = routeThrottle(route);
    for (const method of routeMethods(route)) {
      settings[`${method} ${route.path}`] = {
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit,
      };
    }
  }
  if (Object.keys(settings).length > 0) (stage.node.defaultChild as CfnStage).routeSettings = settings;
  return stage;
};
