import { createConsumer, type EventHandler, type QueueLambda } from "../../../shared/events/consumer";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { incrementWrite } from "../aggregates";
import { incrementFor } from "../aggregation";
import { createDeps, type PilotReportsDeps } from "../deps";
import { METRICS } from "../metrics";

/** The event types some metric counts; the consumer acknowledges every other type unread. */
export const COUNTED_EVENT_TYPES: readonly string[] = [...new Set(METRICS.map((m) => m.event))];

export const createHandler = (deps: PilotReportsDeps): QueueLambda => {
  const count: EventHandler = async (event) => {
    const increment = incrementFor(event);
    return increment ? { writes: [incrementWrite(deps.tableName, increment)] } : undefined;
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
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
