import type { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../../shared/clock";
import { documentClient } from "../../shared/dynamo";
import { EventPublisher } from "../../shared/events/outbox";
import { createLogger } from "../../shared/logger";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./disclosure";

/** Optional: the disclosure threshold, an integer from 2 to 100 (default 5). */
export const SUPPRESSION_THRESHOLD_ENV = "SUPPRESSION_THRESHOLD";

export interface PilotReportsDeps {
  readonly clock: Clock;
  readonly tableName: string;
  readonly doc: DynamoDBDocumentClient;
  /** The consumer commits its dedupe mark through it; this service publishes no events. */
  readonly publisher: EventPublisher;
  readonly logger: Logger;
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
  const logger = createLogger("pilot-reports");
  const doc = documentClient(runtime.dynamodb);
  return {
    clock: runtime.clock,
    tableName: runtime.tableName,
    doc,
    publisher: new EventPublisher(runtime, doc, logger),
    logger,
    suppressionThreshold:
      options.suppressionThreshold ?? suppressionThresholdFrom(process.env[SUPPRESSION_THRESHOLD_ENV]),
  };
};
