import { createConsumer, type QueueLambda } from "../../../shared/events/consumer";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { eventHandlers, RETRY_ON_CONFLICT } from "../app/count-event";
import { createDeps, type PilotReportsDeps } from "../deps";

export const createHandler = (deps: PilotReportsDeps): QueueLambda =>
  createConsumer({
    tableName: deps.tableName,
    doc: deps.doc,
    publisher: deps.publisher,
    clock: deps.clock,
    logger: deps.logger,
    handlers: eventHandlers(deps),
    // Most events of a batch add to the same municipality-month item.
    processInParallel: false,
    retryOnConflict: RETRY_ON_CONFLICT,
  });

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
