/**
 * The avhoppartelefon stays reachable: the telephony webhooks on an HTTP API of their own with its
 * own throttle, every route throttled on its stage by its own size, concurrency reserved for the
 * webhooks a caller waits on (provisioned concurrency as an option), the provider's addresses
 * configurable. The app as `cdk synth` builds it, from the real service definitions.
 */
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_THROTTLE, TELEPHONY_API_THROTTLE } from "../../infra/api-stack";
import { buildApp } from "../../infra/build-app";
import { OFFLINE_JWT_ISSUER } from "../../infra/config";
import { DEFAULT_ROUTE_THROTTLE, routeMethods, routeThrottle } from "../../infra/constructs/http-api";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { ENV } from "../../shared/resources";
import { type FunctionDefinition, type HttpRoute, WEBHOOK_SOURCES_ENV } from "../../shared/service";
import {
  type CfnJson,
  importOf,
  logicalId,
  refOf,
  resourceOf,
  resourcesOf,
  type Synthesised,
  synthesise,
} from "./synth";

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
});
afterAll(() => s.cleanup());

type HttpFunction = Extract<FunctionDefinition, { kind: "http" }>;
const httpFunctions = SERVICE_DEFINITIONS.flatMap((service) =>
  service.functions.flatMap((def) => (def.kind === "http" ? [{ service, def }] : [])),
);
const webhooks = httpFunctions.filter(({ def }) => def.route.auth.type === "webhook");
const functionOf = (def: HttpFunction): CfnJson => {
  const service = SERVICE_DEFINITIONS.find((d) => d.functions.includes(def));
  const fn = s.built.services.get(service?.name ?? "hotline")?.functions.get(def.id);
  if (!fn) throw new Error(def.id);
  return resourceOf(s, fn.function);
};
const staffApiId = () => logicalId(s.built.api.main.httpApi);
const telephonyApiId = () => {
  const api = s.built.api.telephony?.httpApi;
  if (!api) throw new Error("no telephony API");
  return logicalId(api);
};
const stageOf = (apiId: string): CfnJson => {
  const stage = Object.values(resourcesOf(s.stage, "AWS::ApiGatewayV2::Stage")).find(
    (st) => refOf(st.Properties.ApiId) === apiId,
  );
  if (!stage) throw new Error(`no stage for ${apiId}`);
  return stage;
};
const routeKeys = (route: HttpRoute) => routeMethods(route).map((method) => `${method} ${route.path}`);

describe("the telephony API", () => {
  it("serves every webhook route and nothing else; the staff API serves every other route", () => {
    expect(webhooks.map(({ def }) => def.id).sort()).toEqual([
      "hotline-hangup",
      "hotline-incoming",
      "hotline-next",
    ]);
    const apiOfRoute = new Map(
      Object.values(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Route")).map((r) => [
        r.Properties.RouteKey as string,
        refOf(r.Properties.ApiId),
      ]),
    );
    for (const { def } of httpFunctions) {
      for (const key of routeKeys(def.route)) {
        expect(apiOfRoute.get(key), key).toBe(
          def.route.auth.type === "webhook" ? telephonyApiId() : staffApiId(),
        );
      }
    }
    expect(Object.keys(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Api"))).toHaveLength(2);
    s.api.resourceCountIs("AWS::ApiGatewayV2::Api", 2);
  });

  it("has its own stage throttle and access log, apart from the staff API's", () => {
    expect(stageOf(telephonyApiId()).Properties).toMatchObject({
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: TELEPHONY_API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: TELEPHONY_API_THROTTLE.burstLimit,
      },
      AccessLogSettings: { DestinationArn: expect.anything(), Format: expect.stringMatching(/requestId/) },
    });
    expect(stageOf(staffApiId()).Properties).toMatchObject({
      DefaultRouteSettings: {
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      },
    });
    // The webhooks' own limits fit inside their stage's.
    const sum = webhooks.reduce((total, { def }) => total + routeThrottle(def.route).rateLimit, 0);
    expect(sum).toBeLessThanOrEqual(TELEPHONY_API_THROTTLE.rateLimit);
  });

  it("is where the provider calls back: the webhook functions' base URL is its endpoint", () => {
    for (const { def } of webhooks) {
      const env = (functionOf(def).Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(env[ENV.publicBaseUrl]).toEqual(importOf(telephonyApiId(), "ApiEndpoint"));
      // Unset: the handler defaults to the provider's published addresses.
      expect(env[WEBHOOK_SOURCES_ENV]).toBeUndefined();
    }
    s.api.hasOutput("TelephonyApiUrl", {});
  });
});

describe("route throttles", () => {
  it("give every route, on its own API's stage, its definition's throttle or its method's default", () => {
    const settingsOf = (apiId: string) =>
      stageOf(apiId).Properties.RouteSettings as Record<
        string,
        { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
      >;
    const staff = settingsOf(staffApiId());
    const telephony = settingsOf(telephonyApiId());
    for (const { def } of httpFunctions) {
      const throttle = routeThrottle(def.route);
      for (const key of routeKeys(def.route)) {
        const settings = def.route.auth.type === "webhook" ? telephony : staff;
        expect(settings[key], key).toEqual({
          ThrottlingRateLimit: throttle.rateLimit,
          ThrottlingBurstLimit: throttle.burstLimit,
        });
      }
    }
    const expected = httpFunctions.flatMap(({ def }) => routeKeys(def.route)).length;
    expect(Object.keys(staff).length + Object.keys(telephony).length).toBe(expected);
  });

  it("are sized per route: the hotline's own, and the default by method elsewhere", () => {
    const byId = new Map(httpFunctions.map(({ def }) => [def.id, def.route]));
    const of = (id: string) => {
      const route = byId.get(id);
      if (!route) throw new Error(id);
      return routeThrottle(route);
    };
    expect(of("hotline-put-schedule").rateLimit).toBeLessThan(of("hotline-list-triages").rateLimit);
    expect(of("hotline-next").burstLimit).toBeGreaterThan(of("hotline-incoming").burstLimit);
    for (const { def } of httpFunctions.filter(({ def }) => !def.route.throttle)) {
      expect(routeThrottle(def.route)).toEqual(
        def.route.method === "GET" ? DEFAULT_ROUTE_THROTTLE.read : DEFAULT_ROUTE_THROTTLE.write,
      );
    }
  });

  it("are set on the stage only once its routes exist: the stages' stack deploys after every route's", () => {
    const routeStacks = [...s.built.services.values()].filter(
      (stack) => Object.keys(s.templateOf(stack).findResources("AWS::ApiGatewayV2::Route")).length > 0,
    );
    expect(routeStacks.length).toBeGreaterThan(0);
    for (const stack of routeStacks) expect(s.built.stage.dependencies, stack.stackName).toContain(stack);
    // Every stage is in that stack, and nothing else is.
    expect(Object.keys(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Stage")).sort()).toEqual(
      Object.keys(resourcesOf(s.stage, "AWS::ApiGatewayV2::Stage")).sort(),
    );
  });
});

describe("concurrency", () => {
  it("is reserved for the webhooks a caller waits on, at least their route's burst", () => {
    const reserved = httpFunctions.filter(({ def }) => def.reservedConcurrency !== undefined);
    expect(reserved.map(({ def }) => def.id).sort()).toEqual(["hotline-incoming", "hotline-next"]);
    for (const { def } of reserved) {
      const props = functionOf(def).Properties;
      expect(props.ReservedConcurrentExecutions).toBe(def.reservedConcurrency);
      expect(def.reservedConcurrency).toBeGreaterThanOrEqual(routeThrottle(def.route).burstLimit);
    }
    // Off by default: provisioned concurrency costs for every hour it is on.
    expect(resourcesOf(s.stateless, "AWS::Lambda::Alias")).toEqual({});
  });

  it("refuses a reservation below its route's burst: Lambda, not the gateway, would turn calls away", () => {
    const tight = SERVICE_DEFINITIONS.map((service) => ({
      ...service,
      functions: service.functions.map((def) =>
        def.id === "hotline-incoming" ? { ...def, reservedConcurrency: 1 } : def,
      ),
    }));
    expect(() =>
      buildApp({
        services: tight,
        context: { "aws:cdk:bundling-stacks": [], jwtIssuer: OFFLINE_JWT_ISSUER },
      }),
    ).toThrow(/hotline-incoming: reserved concurrency 1 is below its route's burst limit/);
  });

  it("is provisioned on a `live` alias the route invokes when the context asks for it, cdk-nag still clean", () => {
    const provisioned = synthesise({ context: { provisionedConcurrency: 2 } });
    try {
      const template = provisioned.stateless;
      const aliases = Object.values(resourcesOf(template, "AWS::Lambda::Alias"));
      expect(aliases).toHaveLength(2);
      for (const alias of aliases) {
        expect(alias.Properties).toMatchObject({
          Name: "live",
          ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
        });
      }
      const integrations = JSON.stringify(resourcesOf(template, "AWS::ApiGatewayV2::Integration"));
      for (const alias of Object.keys(resourcesOf(template, "AWS::Lambda::Alias"))) {
        expect(integrations).toContain(`"${alias}"`);
      }
      expect(provisioned.findings).toEqual([]);
    } finally {
      provisioned.cleanup();
    }
  });
});

describe("deployment context", () => {
  it("sets the provider's source addresses on the webhook functions only", () => {
    const { services: stacks } = buildApp({
      builtinCloudFormationValidation: false,
      context: {
        "aws:cdk:bundling-stacks": [],
        jwtIssuer: OFFLINE_JWT_ISSUER,
        telephonySourceAddresses: "203.0.113.0/24,2001:db8::/32",
      },
    });
    for (const { service, def } of httpFunctions) {
      const stack = stacks.get(service.name);
      const fn = stack?.functions.get(def.id);
      if (!stack || !fn) throw new Error(def.id);
      const resource = resourcesOf(Template.fromStack(stack), "AWS::Lambda::Function")[
        logicalId(fn.function)
      ];
      if (!resource) throw new Error(`no resource for ${def.id}`);
      const env = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env[WEBHOOK_SOURCES_ENV], def.id).toBe(
        def.route.auth.type === "webhook" ? "203.0.113.0/24,2001:db8::/32" : undefined,
      );
    }
  });

  it("refuses a provisioned concurrency that is not a whole number", () => {
    expect(() =>
      buildApp({
        context: {
          "aws:cdk:bundling-stacks": [],
          jwtIssuer: OFFLINE_JWT_ISSUER,
          provisionedConcurrency: "two",
        },
      }),
    ).toThrow(/provisionedConcurrency/);
  });
});
