import { createConsumer, type EventHandler, type QueueLambda } from "../../../shared/events/consumer";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { incrementWrites, readHistograms } from "../aggregates";
import { incrementFor } from "../aggregation";
import { createDeps, type PilotReportsDeps } from "../deps";
import { METRICS } from "../metrics";

/** The event types some metric counts; the consumer acknowledges every other type unread. */
export const COUNTED_EVENT_TYPES: readonly string[] = [...new Set(METRICS.map((m) => m.event))];

/**
 * Concurrent invocations adding to one municipality's month conflict (a distribution's version
 * moved on, or DynamoDB cancelled overlapping transactions): read again and retry at once, rather
 * than send the message round the queue for each collision.
 */
export const RETRY_ON_CONFLICT = 10;

export const createHandler = (deps: PilotReportsDeps): QueueLambda => {
  const count: EventHandler = async (event) => {
    const increment = incrementFor(event);
    if (!increment) return undefined;
    const read = await readHistograms(deps.doc, deps.tableName, increment);
    return { writes: incrementWrites(deps.tableName, increment, read) };
  };
  return createConsumer({
    tableName: deps.tableName,
    doc: deps.doc,
    publisher: deps.publisher,
    clock: deps.clock,
    logger: deps.logger,
    handlers: Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, count])),
    // Most events of a batch add to the same municipality-month item.
    processInParallel: false,
    retryOnConflict: RETRY_ON_CONFLICT,
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
