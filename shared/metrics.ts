/** The custom metric every service emits (as EMF) when a deadline passes; the CDK app alarms on it. */
export const DEADLINE_BREACHED_METRIC = {
  namespace: "NyRiktning",
  metricName: "DeadlineBreached",
  serviceDimension: "Service",
} as const;
