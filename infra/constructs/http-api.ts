import { Lazy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Construct, IConstruct } from "constructs";
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

/** An HTTP API with its $default stage: access logs, a stage-wide throttle and per-route throttles. */
export interface ProjectApi {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** Gives the route (`METHOD /path`) its own throttle on the stage; `route` is its construct. */
  throttleRoute(routeKey: string, throttle: RouteThrottle, route: IConstruct): void;
}

/**
 * Creates `<id>` (the API), `<id>AccessLogs` and the API's `DefaultStage` under `scope`: the
 * construct paths the first API was deployed with, so that it is not replaced (and its URL kept).
 */
export const projectHttpApi = (
  scope: Construct,
  id: string,
  props: { readonly apiName: string; readonly description: string; readonly throttle: RouteThrottle },
): ProjectApi => {
  const httpApi = new HttpApi(scope, id, {
    apiName: props.apiName,
    description: props.description,
    // The stage is added below, with the access logging and throttling the default stage lacks.
    createDefaultStage: false,
  });
  const accessLogs = new LogGroup(scope, `${id}AccessLogs`, { retention: LOG_RETENTION });
  const stage = httpApi.addStage("DefaultStage", {
    stageName: "$default",
    autoDeploy: true,
    throttle: props.throttle,
    // Per-route metrics (5xx by method and path): the routes' server-error alarms watch them.
    detailedMetricsEnabled: true,
    accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
  });
  const settings: RouteSettings = {};
  const cfnStage = stage.node.defaultChild as CfnStage;
  cfnStage.routeSettings = Lazy.any({ produce: () => (Object.keys(settings).length ? settings : undefined) });
  return {
    httpApi,
    stage,
    throttleRoute(routeKey, throttle, route) {
      settings[routeKey] = {
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit,
      };
      // A stage's route settings name routes that must exist when the stage is updated.
      cfnStage.node.addDependency(route);
    },
  };
};
