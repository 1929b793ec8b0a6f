import type { ServiceName } from "../resources";
import { SERVICE_DIMENSION } from "./fault-metrics";

/** The CloudWatch units our metrics use (EMF's `Unit`). */
export const MetricUnit = { Count: "Count", Seconds: "Seconds", Milliseconds: "Milliseconds" } as const;
export type MetricUnitName = (typeof MetricUnit)[keyof typeof MetricUnit];

/** What of a metrics client the sweeps and the outbox use (EmfMetrics; Powertools' Metrics fits too). */
export interface MetricsSink {
  addDimension(name: string, value: string): void;
  addMetric(name: string, unit: MetricUnitName, value: number): void;
  publishStoredMetrics(): void;
}

/**
 * Writes one metric now (EMF), with the service as its dimension. Synchronous, so two concurrent
 * publications cannot interleave their dimensions; written at once, so a run cut short by its
 * timeout has still reported what it saw.
 */
export const publishMetric = (
  metrics: MetricsSink,
  service: ServiceName,
  name: string,
  value: number,
  unit: MetricUnitName = MetricUnit.Count,
): void => {
  metrics.addDimension(SERVICE_DIMENSION, service);
  metrics.addMetric(name, unit, value);
  metrics.publishStoredMetrics();
};
