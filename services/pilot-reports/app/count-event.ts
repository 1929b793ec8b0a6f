import type { EventHandler } from "../../../shared/events/consumer";
import { incrementFor } from "../domain/aggregation";
import { METRICS } from "../domain/catalogue";
import { histogramChanges } from "../domain/month-aggregate";
import { incrementWrites, readHistograms } from "../store/aggregates";
import type { TableDeps } from "../store/table";

/** The event types some metric counts; the consumer acknowledges every other type unread. */
export const COUNTED_EVENT_TYPES: readonly string[] = [...new Set(METRICS.map((m) => m.event))];

/**
 * Concurrent invocations adding to one municipality's month conflict (a distribution's version
 * moved on, or DynamoDB cancelled overlapping transactions): read again and retry at once, rather
 * than send the message round the queue for each collision.
 */
export const RETRY_ON_CONFLICT = 10;

/**
 * One event: the domain says what it adds to which month; the distributions it adds to are read,
 * the new medians worked out, and the writes go into the consumer's transaction beside the event's
 * dedupe mark. The consumer runs this again, reading afresh, when the transaction loses a race.
 */
export const countEvent =
  (deps: TableDeps): EventHandler =>
  async (event) => {
    const increment = incrementFor(event);
    if (!increment) return undefined;
    const read = await readHistograms(deps.doc, deps.tableName, increment);
    return { writes: incrementWrites(deps.tableName, increment, histogramChanges(increment, read)) };
  };

/** A handler for every counted event type. */
export const eventHandlers = (deps: TableDeps): Record<string, EventHandler> =>
  Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, countEvent(deps)]));
