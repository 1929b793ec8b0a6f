import { Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../infra/build-app";
import { OFFLINE_JWT_ISSUER } from "../../infra/config";
import { OLDEST_MESSAGE_AGE_LIMIT, UNCONSUMED_EXPIRY_MARGIN } from "../../infra/constructs/alarms";
import { AUDIT_TABLE, ENV, QUEUES, TABLES } from "../../shared/resources";
import type { FunctionDefinition, HttpRoute, RouteAuth, ServiceDefinition } from "../../shared/service";
import { logicalId, overlyBroadStatements, resourcesOf, type Synthesised, synthesise } from "./synth";

/**
 * Services as later issues will add them (the hotline's webhooks, intake's queue consumer), so the
 * code paths no deployed service uses yet are proven before they are needed.
 */
const entry = "test/infra/fixtures/handler.ts";
const route = (method: HttpRoute["method"], path: string, auth: RouteAuth): HttpRoute => ({
  method,
  path,
  auth,
  summary: `${method} ${path}`,
  request: {},
  responses: { 200: { description: "ok" } },
});
const webhook: RouteAuth = { type: "webhook" };

const hotline: ServiceDefinition = {
  name: "hotline",
  depsEntry: entry,
  publishes: ["hotline.call.received", "deadline.breached"],
  functions: [
    { kind: "http", id: "hotline-incoming", entry, route: route("POST", "/v1/hotline/calls", webhook) },
    {
      kind: "http",
      id: "hotline-next",
      entry,
      route: route("POST", "/v1/hotline/calls/{callId}/next", webhook),
    },
    {
      kind: "http",
      id: "hotline-triages",
      entry,
      route: route("GET", "/v1/hotline/triages", { type: "jwt", scopes: ["hotline:read", "hotline:manage"] }),
    },
    { kind: "schedule", id: "hotline-escalation-sweep", entry, everyMinutes: 1, usesTelephonyProvider: true },
    { kind: "schedule", id: "hotline-outbox-sweep", entry, everyMinutes: 1 },
  ],
};

const intake: ServiceDefinition = {
  name: "intake",
  depsEntry: entry,
  publishes: ["referral.received"],
  functions: [
    {
      kind: "queue",
      id: "intake-consumer",
      entry,
      queue: "intake",
      timeoutSeconds: 30,
      memoryMb: 1024,
      maxConcurrency: 3,
    },
    {
      kind: "http",
      id: "intake-referrals",
      entry,
      route: route("POST", "/v1/referrals", { type: "jwt", scopes: ["referrals:write"] }),
    },
  ],
};

const services = [hotline, intake];

let s: Synthesised;
beforeAll(() => {
  s = synthesise({ services });
}, 120_000);
afterAll(() => s.cleanup());

const fnOf = (service: ServiceDefinition, id: string) => {
  const fn = s.built.stateless.services.get(service.name)?.functions.get(id);
  if (!fn) throw new Error(id);
  return fn;
};
const envOf = (service: ServiceDefinition, id: string): Record<string, unknown> => {
  const resource = resourcesOf(s.stateless, "AWS::Lambda::Function")[logicalId(fnOf(service, id).function)];
  if (!resource) throw new Error(`no resource for ${id}`);
  return (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
};
const isWebhook = (def: FunctionDefinition): boolean =>
  def.kind === "http" && def.route.auth.type === "webhook";

describe("webhook routes", () => {
  const routes = () =>
    new Map(
      Object.values(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Route")).map((r) => [
        r.Properties.RouteKey as string,
        r.Properties,
      ]),
    );

  it("get no authorizer, while every other route keeps the JWT authorizer and its scopes", () => {
    const all = services.flatMap((svc) => svc.functions).flatMap((def) => (def.kind === "http" ? [def] : []));
    // Each GET route has its HEAD twin (same function, same guard).
    expect(routes().size).toBe(all.length + all.filter((def) => def.route.method === "GET").length);
    for (const def of all) {
      const props = routes().get(`${def.route.method} ${def.route.path}`);
      if (def.route.auth.type === "webhook") {
        expect(props?.AuthorizationType).toBe("NONE");
        expect(props?.AuthorizerId).toBeUndefined();
        expect(props?.AuthorizationScopes).toBeUndefined();
      } else {
        expect(props).toMatchObject({
          AuthorizationType: "JWT",
          AuthorizationScopes: [...def.route.auth.scopes],
        });
      }
    }
  });

  it("carry the APIG4 acknowledgement, and no other route does", () => {
    const telephony = s.built.stateless.telephonyApi?.httpApi;
    if (!telephony) throw new Error("no telephony API");
    const acknowledged = [...s.built.stateless.api.node.findAll(), ...telephony.node.findAll()]
      .filter((c) =>
        c.node.metadata.some(
          (m) =>
            m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
            Object.keys(m.data as Record<string, string>).some((rule) => rule.endsWith("AwsSolutions-APIG4")),
        ),
      )
      .map((c) => c.node.id)
      .sort();
    expect(acknowledged).toEqual(
      ["POST--v1--hotline--calls", "POST--v1--hotline--calls--{callId}--next"].sort(),
    );
  });

  it("give the webhook handlers and functions using the provider the telephony secret, and only them", () => {
    for (const def of hotline.functions) {
      const env = envOf(hotline, def.id);
      expect(env[ENV.telephonyWebhookSecretArn] !== undefined).toBe(
        isWebhook(def) || def.usesTelephonyProvider === true,
      );
    }
    for (const def of intake.functions)
      expect(envOf(intake, def.id)[ENV.telephonyWebhookSecretArn]).toBeUndefined();
  });

  it("are served by the telephony API, and every other route by the staff API", () => {
    const telephony = s.built.stateless.telephonyApi?.httpApi;
    if (!telephony) throw new Error("no telephony API");
    const apiOf = (key: string) => (routes().get(key)?.ApiId as { Ref: string } | undefined)?.Ref;
    for (const def of services.flatMap((svc) => svc.functions)) {
      if (def.kind !== "http") continue;
      expect(apiOf(`${def.route.method} ${def.route.path}`)).toBe(
        logicalId(isWebhook(def) ? telephony : s.built.stateless.api),
      );
    }
  });

  it("give a service with webhooks the telephony API's base URL for callbacks, without a trailing slash", () => {
    const telephony = s.built.stateless.telephonyApi?.httpApi;
    if (!telephony) throw new Error("no telephony API");
    const apiId = logicalId(telephony);
    for (const def of hotline.functions) {
      // ApiEndpoint is `https://{id}.execute-api.{region}.amazonaws.com`, no trailing slash.
      expect(envOf(hotline, def.id)[ENV.publicBaseUrl]).toEqual({ "Fn::GetAtt": [apiId, "ApiEndpoint"] });
    }
    for (const def of intake.functions) expect(envOf(intake, def.id)[ENV.publicBaseUrl]).toBeUndefined();
  });
});

describe("queue consumers", () => {
  it("read their queue in QUEUES' batches and report partial batch failures", () => {
    const def = QUEUES.intake;
    if (!def) throw new Error("QUEUES.intake");
    s.stateless.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: logicalId(fnOf(intake, "intake-consumer").function) },
      BatchSize: def.batchSize,
      MaximumBatchingWindowInSeconds: def.maxBatchingWindowSeconds,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      // The definition's cap on concurrent invocations reaches the mapping.
      ScalingConfig: { MaximumConcurrency: 3 },
    });
    s.stateless.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
  });

  it("keep their own memory and timeout", () => {
    const resource = resourcesOf(s.stateless, "AWS::Lambda::Function")[
      logicalId(fnOf(intake, "intake-consumer").function)
    ];
    expect(resource?.Properties).toMatchObject({ MemorySize: 1024, Timeout: 30 });
  });

  it("alarm after 15 minutes when the consumer is deployed, and before expiry when it is not", () => {
    const ages = Object.values(resourcesOf(s.stateless, "AWS::CloudWatch::Alarm")).filter(
      (a) => a.Properties.MetricName === "ApproximateAgeOfOldestMessage",
    );
    const threshold = (queueLogicalId: string) =>
      ages.find((a) => JSON.stringify(a.Properties.Dimensions).includes(`${queueLogicalId}`))?.Properties
        .Threshold;
    expect(threshold("IntakeQueue")).toBe(OLDEST_MESSAGE_AGE_LIMIT.toSeconds());
    const pilot = QUEUES["pilot-reports"];
    if (!pilot) throw new Error("QUEUES.pilot-reports");
    expect(threshold("PilotReportsQueue")).toBe(
      pilot.retentionDays * 86_400 - UNCONSUMED_EXPIRY_MARGIN.toSeconds(),
    );
  });
});

describe("deployed services decide the tables", () => {
  it("creates the tables of the deployed services only (and the shared audit table), and every queue", () => {
    expect(Object.keys(resourcesOf(s.stateful, "AWS::DynamoDB::GlobalTable")).sort()).toEqual(
      [TABLES.hotline.logicalId, TABLES.intake.logicalId, AUDIT_TABLE.logicalId].sort(),
    );
    s.stateful.resourceCountIs("AWS::SQS::Queue", Object.values(QUEUES).length * 2);
  });

  it("schedules the sweep and gives up on a failed run rather than retrying it late", () => {
    const fn = fnOf(hotline, "hotline-escalation-sweep").function;
    s.stateless.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 minute)",
      Targets: [{ Arn: { "Fn::GetAtt": [logicalId(fn), "Arn"] } }],
    });
    s.stateless.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: logicalId(fn) },
      MaximumRetryAttempts: 0,
    });
  });

  it("grants consumers and webhooks nothing broader than the release-notices functions get", () => {
    expect(overlyBroadStatements(s.stateless)).toEqual([]);
  });

  it("passes cdk-nag with the webhook acknowledgements", () => {
    expect(s.findings).toEqual([]);
  });
});

describe("definitions the app refuses", () => {
  const build = (defs: readonly ServiceDefinition[]) => () =>
    buildApp({ services: defs, context: { "aws:cdk:bundling-stacks": [], jwtIssuer: OFFLINE_JWT_ISSUER } });

  it("a route defined twice", () => {
    const twice: ServiceDefinition = {
      ...intake,
      functions: [
        ...intake.functions,
        { kind: "http", id: "intake-again", entry, route: route("POST", "/v1/referrals", webhook) },
      ],
    };
    expect(build([twice])).toThrow(/route POST \/v1\/referrals is defined twice/);
  });

  it("a consumer whose timeout outlasts its queue's visibility timeout", () => {
    const slow: ServiceDefinition = {
      ...intake,
      functions: [{ kind: "queue", id: "intake-slow", entry, queue: "intake", timeoutSeconds: 900 }],
    };
    expect(build([slow])).toThrow(/visibility timeout/);
  });

  it("a consumer of a queue that QUEUES does not define", () => {
    const orphan: ServiceDefinition = {
      ...hotline,
      functions: [{ kind: "queue", id: "hotline-consumer", entry, queue: "hotline" }],
    };
    expect(build([orphan])).toThrow(/No queue for service "hotline"/);
  });

  it("a jwt route without scopes", () => {
    const open: ServiceDefinition = {
      ...intake,
      functions: [
        {
          kind: "http",
          id: "intake-open",
          entry,
          route: route("GET", "/v1/open", { type: "jwt", scopes: [] }),
        },
      ],
    };
    expect(build([open])).toThrow(/at least one scope/);
  });
});

describe("deployment context", () => {
  it("fails the synth without a token issuer, or with one that is not https, rather than build an API that accepts no token", () => {
    const build = (context: Record<string, unknown>) => () =>
      buildApp({ services: [hotline], context: { "aws:cdk:bundling-stacks": [], ...context } });
    expect(build({})).toThrow(/"jwtIssuer" is required/);
    expect(build({ jwtIssuer: "" })).toThrow(/"jwtIssuer" is required/);
    expect(build({ jwtIssuer: "http://login.example.se/" })).toThrow(/must be an https URL/);
    expect(build({ jwtIssuer: OFFLINE_JWT_ISSUER })).not.toThrow();
  });

  it("takes the region, issuer, audiences and public base URL from context", () => {
    const { stateful, stateless } = buildApp({
      services: [hotline],
      builtinCloudFormationValidation: false,
      context: {
        "aws:cdk:bundling-stacks": [],
        region: "eu-west-1",
        jwtIssuer: "https://login.example.se/realms/kommun",
        jwtAudience: "ny-riktning, ny-riktning-console",
        publicBaseUrl: "https://api.kommun.example.se/",
      },
    });
    expect(stateful.region).toBe("eu-west-1");
    expect(stateless.region).toBe("eu-west-1");
    const template = Template.fromStack(stateless);
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      JwtConfiguration: {
        Issuer: "https://login.example.se/realms/kommun",
        Audience: ["ny-riktning", "ny-riktning-console"],
      },
    });
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: Match.objectLike({ [ENV.publicBaseUrl]: "https://api.kommun.example.se" }) },
    });
  });
});
