import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_JWT_AUDIENCE, OFFLINE_JWT_ISSUER } from "../../infra/config";
import { publishTargets } from "../../infra/constructs/bind";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { ENV, QUEUES, type ServiceName } from "../../shared/resources";
import {
  type CfnJson,
  logicalId,
  overlyBroadStatements,
  resourceOf,
  resourcesOf,
  type Synthesised,
  synthesise,
} from "./synth";

/** The app exactly as `cdk synth` builds it, from the real service definitions. */
let s: Synthesised;
beforeAll(() => {
  s = synthesise();
}, 120_000);
afterAll(() => s.cleanup());

const queueDefinitions = Object.values(QUEUES).flatMap((q) => (q ? [q] : []));
const allFunctions = SERVICE_DEFINITIONS.flatMap((service) =>
  service.functions.map((def) => ({ service, def })),
);

describe("stateless stacks: functions", () => {
  const fnResource = (serviceName: ServiceName, id: string): CfnJson => {
    const fn = s.built.services.get(serviceName)?.functions.get(id);
    if (!fn) throw new Error(`no function ${id}`);
    return resourceOf(s, fn.function);
  };

  it("deploys one function per definition, each in its own service's stack, and nothing else", () => {
    expect(Object.keys(resourcesOf(s.stateless, "AWS::Lambda::Function"))).toHaveLength(allFunctions.length);
    for (const service of SERVICE_DEFINITIONS) {
      const stack = s.built.services.get(service.name);
      if (!stack) throw new Error(`no stack for ${service.name}`);
      s.templateOf(stack).resourceCountIs("AWS::Lambda::Function", service.functions.length);
    }
  });

  it.each(allFunctions.map(({ service, def }) => [def.id, service.name] as const))(
    "%s runs Node.js 22 on arm64 with active tracing, JSON logs, its limits and its bindings",
    (id, serviceName) => {
      const { service, def } = allFunctions.find((f) => f.def.id === id) ?? {};
      if (!service || !def) throw new Error(id);
      const props = fnResource(serviceName, id).Properties;
      expect(props).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        Handler: "index.handler",
        MemorySize: def.memoryMb ?? 512,
        Timeout: def.timeoutSeconds ?? 10,
        LoggingConfig: { LogFormat: "JSON", ApplicationLogLevel: "INFO" },
      });
      expect(props.ReservedConcurrentExecutions).toBe(def.reservedConcurrency);
      const env = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      // No --enable-source-maps: a logged stack is mapped when it is logged (shared/runtime/stack-trace.ts).
      expect(env.NODE_OPTIONS).toBeUndefined();
      expect(env[ENV.serviceName]).toBe(service.name);
      expect(env[ENV.tableName]).toBeDefined();
      // Only a function that seals, opens or links identities names the key secret (identity-keys.test.ts).
      expect(env[ENV.identityKeysSecretArn] !== undefined).toBe(def.usesIdentityKeys === true);
      const queueVars = Object.keys(env).filter((k) => k.startsWith("QUEUE_URL_"));
      expect(queueVars.sort()).toEqual(publishTargets(service).map(ENV.queueUrl).sort());
    },
  );

  it("gives every function a log group with retention", () => {
    const groups = Object.values(resourcesOf(s.stateless, "AWS::Logs::LogGroup"));
    // One per function plus the access logs of the staff API and the telephony API.
    expect(groups).toHaveLength(allFunctions.length + 2);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it("grants no wildcard resource except X-Ray's, no wildcard action, and never Scan", () => {
    expect(overlyBroadStatements(s.stateless)).toEqual([]);
  });

  it("attaches no managed policy to any role", () => {
    for (const role of Object.values(resourcesOf(s.stateless, "AWS::IAM::Role"))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe("stateless stacks: HTTP API", () => {
  const routes = () =>
    new Map(
      Object.values(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Route")).map((r) => [
        r.Properties.RouteKey as string,
        r.Properties,
      ]),
    );
  const authorizerId = () => {
    const [id, ...more] = Object.keys(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Authorizer"));
    // One authorizer, in the API stack; the service stacks' routes refer to it.
    expect(more).toEqual([]);
    expect(id && Object.keys(resourcesOf(s.api, "AWS::ApiGatewayV2::Authorizer"))).toEqual([id]);
    return id ?? "";
  };
  const httpFunctions = allFunctions.flatMap(({ service, def }) =>
    def.kind === "http" ? [{ service, def }] : [],
  );

  it("has one route per http function, and a HEAD beside each GET, guarded and integrated alike", () => {
    expect([...routes().keys()].sort()).toEqual(
      httpFunctions
        .flatMap(({ def }) => [
          `${def.route.method} ${def.route.path}`,
          ...(def.route.method === "GET" ? [`HEAD ${def.route.path}`] : []),
        ])
        .sort(),
    );
    for (const { def } of httpFunctions.filter(({ def }) => def.route.method === "GET")) {
      const { RouteKey: _get, ...get } = routes().get(`GET ${def.route.path}`) ?? {};
      const { RouteKey: _head, ...head } = routes().get(`HEAD ${def.route.path}`) ?? {};
      expect(head).toEqual(get);
    }
  });

  it.each(httpFunctions.map(({ def }) => [def.id, def] as const))(
    "%s: JWT authorizer with its scopes, integrated with its own function",
    (_id, def) => {
      const route = routes().get(`${def.route.method} ${def.route.path}`);
      if (def.route.auth.type === "jwt") {
        expect(route).toMatchObject({
          AuthorizationType: "JWT",
          AuthorizerId: { "Fn::ImportValue": expect.stringContaining(authorizerId()) },
          AuthorizationScopes: [...def.route.auth.scopes],
        });
      } else {
        expect(route?.AuthorizationType).toBe("NONE");
      }
      const target = JSON.stringify(route?.Target);
      const integrationId = Object.keys(resourcesOf(s.stateless, "AWS::ApiGatewayV2::Integration")).find(
        (k) => target.includes(`"${k}"`),
      );
      expect(integrationId).toBeDefined();
    },
  );

  it("verifies tokens against the offline-default issuer and audience", () => {
    s.api.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: { Issuer: OFFLINE_JWT_ISSUER, Audience: [DEFAULT_JWT_AUDIENCE] },
    });
  });

  it("logs access to a log group and throttles the $default stage", () => {
    s.stage.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp("requestId") },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe("stateless stacks: schedules, event sources, alarms", () => {
  it("schedules every schedule function at its rate", () => {
    const rules = Object.values(resourcesOf(s.stateless, "AWS::Events::Rule"));
    const schedules = allFunctions.flatMap(({ service, def }) =>
      def.kind === "schedule" ? [{ service, def }] : [],
    );
    expect(rules).toHaveLength(schedules.length);
    for (const { service, def } of schedules) {
      const fn = s.built.services.get(service.name)?.functions.get(def.id);
      if (!fn) throw new Error(def.id);
      const rate = def.everyMinutes === 1 ? "rate(1 minute)" : `rate(${def.everyMinutes} minutes)`;
      expect(rules).toContainEqual(
        expect.objectContaining({
          Properties: expect.objectContaining({
            ScheduleExpression: rate,
            State: "ENABLED",
            Targets: [expect.objectContaining({ Arn: { "Fn::GetAtt": [logicalId(fn.function), "Arn"] } })],
          }),
        }),
      );
    }
  });

  it("maps every queue function to its queue with partial batch failures", () => {
    const mappings = Object.values(resourcesOf(s.stateless, "AWS::Lambda::EventSourceMapping"));
    const consumers = allFunctions.filter(({ def }) => def.kind === "queue");
    expect(mappings).toHaveLength(consumers.length);
    for (const mapping of mappings) {
      expect(mapping.Properties.FunctionResponseTypes).toEqual(["ReportBatchItemFailures"]);
    }
  });

  it("alarms on every dead-letter queue holding a message and on every queue's oldest message", () => {
    const alarms = Object.values(resourcesOf(s.stateless, "AWS::CloudWatch::Alarm"));
    const byMetric = (name: string) => alarms.filter((a) => a.Properties.MetricName === name);
    expect(byMetric("ApproximateNumberOfMessagesVisible")).toHaveLength(queueDefinitions.length);
    for (const alarm of byMetric("ApproximateNumberOfMessagesVisible")) {
      expect(alarm.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: "GreaterThanThreshold" });
      expect(JSON.stringify(alarm.Properties.Dimensions)).toMatch(/QueueDlq/);
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
    }
    expect(byMetric("ApproximateAgeOfOldestMessage")).toHaveLength(queueDefinitions.length);
  });

  it("alarms on every function's errors and on each publishing service's breached deadlines", () => {
    const alarms = Object.values(resourcesOf(s.stateless, "AWS::CloudWatch::Alarm"));
    expect(alarms.filter((a) => a.Properties.MetricName === "Errors")).toHaveLength(allFunctions.length);
    for (const service of SERVICE_DEFINITIONS.filter((d) => d.publishes.includes("deadline.breached"))) {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          Properties: expect.objectContaining({
            Namespace: "NyRiktning",
            MetricName: "DeadlineBreached",
            // As powertools writes it: its own `service` beside the code's `Service` (fault-alarms.test.ts).
            Dimensions: expect.arrayContaining([
              { Name: "Service", Value: service.name },
              { Name: "service", Value: service.name },
            ]),
          }),
        }),
      );
    }
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});

describe("cdk-nag", () => {
  it("leaves no unacknowledged AwsSolutions finding, error or warning", () => {
    expect(s.findings).toEqual([]);
  });
});
