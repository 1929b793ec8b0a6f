/**
 * Faults that Lambda's own metrics miss raise an alarm: a route's 5xx answers, the edge's unhandled
 * errors, a deadline sweep's failed items, an outbox that does not drain. Each alarm watches the
 * metric exactly as the functions write it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OUTBOX_AGE_LIMIT } from "../../infra/constructs/fault-alarms";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { EmfMetrics } from "../../shared/runtime/emf-metrics";
import { publishMetric } from "../../shared/runtime/publish-metric";
import { captureOutput } from "../support/output";
import { type CfnJson, resourcesOf, type Synthesised, synthesise } from "./synth";

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
}, 120_000);
afterAll(() => s.cleanup());

const alarms = () => Object.values(resourcesOf(s.stateless, "AWS::CloudWatch::Alarm"));
const dims = (alarm: CfnJson) =>
  Object.fromEntries(
    (alarm.Properties.Dimensions as { Name: string; Value: unknown }[]).map((d) => [d.Name, d.Value]),
  );
const alarmOn = (metric: string, service: string) =>
  alarms().filter((a) => a.Properties.MetricName === metric && dims(a).Service === service);
const allFunctions = SERVICE_DEFINITIONS.flatMap((service) =>
  service.functions.map((def) => ({ service, def })),
);

describe("alarms on faults", () => {
  it("turns on the stage's detailed metrics and alarms on each route's 5xx by method and path", () => {
    s.stage.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      DefaultRouteSettings: { DetailedMetricsEnabled: true },
    });
    const serverErrors = alarms().filter((a) => a.Properties.MetricName === "5xx");
    const routes = allFunctions.flatMap(({ def }) => (def.kind === "http" ? [def.route] : []));
    expect(serverErrors.map((a) => `${dims(a).Method} ${dims(a).Resource}`).sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path}`).sort(),
    );
    for (const alarm of serverErrors) {
      expect(alarm.Properties).toMatchObject({
        Namespace: "AWS/ApiGateway",
        Statistic: "Sum",
        Threshold: 0,
        ComparisonOperator: "GreaterThanThreshold",
      });
      expect(dims(alarm).Stage).toBe("$default");
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
    }
  });

  it("alarms per service on the unhandled errors the edge writes into its log lines (EMF)", () => {
    for (const { name } of SERVICE_DEFINITIONS) {
      const found = alarms().filter(
        (a) => a.Properties.MetricName === "UnhandledError" && dims(a).service === name,
      );
      expect(found).toHaveLength(1);
      // The edge's line carries the logger's `service` field and nothing else as its dimension.
      expect(found[0]?.Properties.Dimensions).toEqual([{ Name: "service", Value: name }]);
      expect(found[0]?.Properties.Namespace).toBe("NyRiktning");
    }
  });

  it("alarms on a deadline sweep's failed items where a sweep breaches deadlines", () => {
    for (const service of SERVICE_DEFINITIONS) {
      const sweeps = service.publishes.includes("deadline.breached");
      expect(alarmOn("SweepItemFailed", service.name)).toHaveLength(sweeps ? 1 : 0);
    }
    expect(SERVICE_DEFINITIONS.filter((d) => alarmOn("SweepItemFailed", d.name).length > 0).length).toBe(3);
  });

  it("alarms on the age of the oldest outbox row and on repeated outbox sweep failures of each publisher", () => {
    for (const service of SERVICE_DEFINITIONS.filter((d) => d.publishes.length > 0)) {
      const [age] = alarmOn("OutboxOldestAgeSeconds", service.name);
      expect(age?.Properties).toMatchObject({
        Statistic: "Maximum",
        Threshold: OUTBOX_AGE_LIMIT.toSeconds(),
      });
      const [failed] = alarmOn("OutboxSweepFailed", service.name);
      expect(failed?.Properties).toMatchObject({ Statistic: "Sum", Threshold: 0, EvaluationPeriods: 3 });
    }
  });

  it("watches the dimensions the functions' metrics client actually writes", () => {
    vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "false");
    const output = captureOutput();
    publishMetric(new EmfMetrics("NyRiktning", "intake"), "intake", "SweepItemFailed", 1);
    const line =
      output
        .stop()
        .split("\n")
        .find((l) => l.includes('"_aws"')) ?? "{}";
    vi.unstubAllEnvs();
    const emf = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Dimensions: string[][] }[] } } & Record<
      string,
      unknown
    >;
    const written = emf._aws.CloudWatchMetrics[0]?.Dimensions[0] ?? [];
    const [alarm] = alarmOn("SweepItemFailed", "intake");
    if (!alarm) throw new Error("no SweepItemFailed alarm for intake");
    expect(Object.keys(dims(alarm)).sort()).toEqual([...written].sort());
    for (const name of written) expect(emf[name]).toBe("intake");
  });
});
