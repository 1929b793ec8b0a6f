import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./domain/disclosure";

/** Optional: the disclosure threshold, an integer from 2 to 100 (default 5). */
export const SUPPRESSION_THRESHOLD_ENV = "SUPPRESSION_THRESHOLD";

/** Its publisher only commits the consumer's dedupe marks: this service publishes no events. */
export interface PilotReportsDeps extends ServiceDeps {
  readonly suppressionThreshold: number;
}

export const suppressionThresholdFrom = (raw: string | undefined): number => {
  if (raw === undefined || raw === "") return DEFAULT_SUPPRESSION_THRESHOLD;
  const value = Number(raw);
  // A threshold of 1 would show every count: refuse to start rather than publish small cells.
  if (!Number.isInteger(value) || value < 2 || value > 100) {
    throw new Error(`${SUPPRESSION_THRESHOLD_ENV} must be an integer from 2 to 100`);
  }
  return value;
};

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (
  runtime: RuntimeConfig,
  options: { readonly suppressionThreshold?: number } = {},
): PilotReportsDeps => {
  return {
    ...createServiceDeps("pilot-reports", runtime),
    suppressionThreshold:
      options.suppressionThreshold ?? suppressionThresholdFrom(process.env[SUPPRESSION_THRESHOLD_ENV]),
  };
};
