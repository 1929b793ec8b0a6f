import type { MetricsCatalogue } from "../contract-metrics";
import { EVENTS_NOT_COUNTED, METRICS } from "../domain/catalogue";
import { RATES } from "../domain/rates";
import { RELATIONS } from "../domain/relations";

/** The catalogue as `GET /v1/reports/pilot/metrics` serves it: copies, so no caller can change the constants. */
export const metricsCatalogue = (suppressionThreshold: number): MetricsCatalogue => ({
  suppressionThreshold,
  metrics: METRICS.map((m) => ({ ...m, title: { ...m.title } })),
  rates: RATES.map((r) => ({ ...r, title: { ...r.title } })),
  relations: RELATIONS.map((r) => ({ ...r, parts: [...r.parts] })),
  eventsNotCounted: { ...EVENTS_NOT_COUNTED },
});
