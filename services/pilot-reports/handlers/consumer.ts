import type { SQSBatchItemFailure } from "aws-lambda";
import {
  createConsumer,
  type EventHandler,
  PoisonMessageError,
  type QueueLambda,
} from "../../../shared/events/consumer";
import { parseEvent } from "../../../shared/events/parse";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { incrementWrite } from "../aggregates";
import { incrementFor } from "../aggregation";
import { createDeps, type PilotReportsDeps } from "../deps";
import { METRICS } from "../metrics";

/** The event types some metric counts; the consumer acknowledges every other type unread. */
export const COUNTED_EVENT_TYPES: readonly string[] = [...new Set(METRICS.map((m) => m.event))];

export const createHandler = (deps: PilotReportsDeps): QueueLambda => {
  const count: EventHandler = async (envelope) => {
    // The consumer checked the event against its contract; this narrows it to the catalogue's types.
    const parsed = parseEvent(envelope);
    if (!parsed.ok) throw new PoisonMessageError(`unreadable event (${parsed.reason})`);
    const increment = incrementFor(parsed.event);
    return increment ? { writes: [incrementWrite(deps.tableName, increment)] } : undefined;
  };
  const consume = createConsumer({
    tableName: deps.tableName,
    doc: deps.doc,
    publisher: deps.publisher,
    clock: deps.clock,
    logger: deps.logger,
    handlers: Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, count])),
  });
  /*
   * One record at a time: most events of a batch add to the same municipality-month item, and
   * DynamoDB cancels a transaction that overlaps another in flight on the same item
   * (TransactionConflict), which would send them round the queue again. The shared consumer
   * processes a batch in parallel, so it gets one record per call.
   */
  return async (event, context) => {
    const batchItemFailures: SQSBatchItemFailure[] = [];
    for (const record of event.Records) {
      const response = await consume({ Records: [record] }, context);
      batchItemFailures.push(...response.batchItemFailures);
    }
    return { batchItemFailures };
  };
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
