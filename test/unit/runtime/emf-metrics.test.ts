/**
 * The functions' metrics client writes the same EMF lines Powertools' Metrics wrote, which the alarms
 * (infra/constructs/fault-alarms.ts) and the dashboards were built on: compared line for line with
 * Powertools itself, the timestamp aside.
 */
import { Metrics } from "@aws-lambda-powertools/metrics";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EmfMetrics } from "../../../shared/runtime/emf-metrics";
import { type MetricsSink, MetricUnit, publishMetric } from "../../../shared/runtime/publish-metric";
import { captureOutput } from "../../support/output";

const emfLines = (publish: (sink: MetricsSink) => void, sink: () => MetricsSink) => {
  const output = captureOutput();
  publish(sink());
  return output
    .stop()
    .split("\n")
    .filter((line) => line.includes('"_aws"'))
    .map((line) => {
      const parsed = JSON.parse(line) as { _aws: { Timestamp: unknown } };
      expect(typeof parsed._aws.Timestamp).toBe("number");
      parsed._aws.Timestamp = "t";
      // Key order too: a reader that compares text must see the same line.
      return JSON.stringify(parsed);
    });
};

describe("EmfMetrics", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("writes what Powertools' Metrics wrote: namespace, both service dimensions, unit and value", () => {
    vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "false");
    const publish = (sink: MetricsSink) => {
      publishMetric(sink, "hotline", "OutboxOldestAgeSeconds", 42, MetricUnit.Seconds);
      publishMetric(sink, "hotline", "OutboxSweepFailed", 3);
      // Nothing stored: no line (Powertools only warned).
      sink.publishStoredMetrics();
      publishMetric(sink, "hotline", "DeadlineBreached", 0);
    };
    const ours = emfLines(publish, () => new EmfMetrics("NyRiktning", "hotline"));
    const theirs = emfLines(
      publish,
      () =>
        new Metrics({
          namespace: "NyRiktning",
          serviceName: "hotline",
          logger: { debug() {}, info() {}, warn() {}, error() {} },
        }),
    );
    expect(ours).toHaveLength(3);
    expect(ours).toEqual(theirs);
    expect(JSON.parse(ours[0] ?? "{}")).toEqual({
      _aws: {
        Timestamp: "t",
        CloudWatchMetrics: [
          {
            Namespace: "NyRiktning",
            Dimensions: [["service", "Service"]],
            Metrics: [{ Name: "OutboxOldestAgeSeconds", Unit: "Seconds" }],
          },
        ],
      },
      service: "hotline",
      Service: "hotline",
      OutboxOldestAgeSeconds: 42,
    });
  });

  it("writes nothing when metrics are disabled, as Powertools did", () => {
    vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "true");
    const lines = emfLines(
      (sink) => publishMetric(sink, "intake", "SweepItemFailed", 1),
      () => new EmfMetrics("NyRiktning", "intake"),
    );
    expect(lines).toEqual([]);
  });
});
