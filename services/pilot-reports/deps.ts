import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./domain/disclosure";
import { settingsReader } from "./store/settings";

/** Optional: the disclosure threshold, an integer from 2 to 100 (default 5). */
export const SUPPRESSION_THRESHOLD_ENV = "SUPPRESSION_THRESHOLD";

/** Its publisher only commits the consumer's dedupe marks: this service publishes no events. */
export interface PilotReportsDeps extends ServiceDeps {
  /** The national threshold; a municipality's own setting may only raise it for its figures. */
  readonly suppressionThreshold: number;
  /** Each municipality's settings in force on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
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
  const base = createServiceDeps("pilot-reports", runtime);
  return {
    ...base,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
    suppressionThreshold:
      options.suppressionThreshold ?? suppressionThresholdFrom(process.env[SUPPRESSION_THRESHOLD_ENV]),
  };
};
