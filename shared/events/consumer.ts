import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import type { Clock } from "../clock";
import { epochSeconds, failedConditions, type TransactItem } from "../dynamo";
import { describeError, type Logger } from "../logger";
import type { Envelope } from "./envelope";
import type { EventPublisher } from "./outbox";
import { type CatalogueEvent, parseEvent } from "./parse";

export type QueueLambda = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** What handling one event amounts to: writes and follow-up events, committed together with the dedupe mark. */
export interface Outcome {
  readonly writes?: readonly TransactItem[];
  readonly events?: readonly Envelope[];
}

/** Gets the event already checked against its contract, typed by the catalogue. */
export type EventHandler = (event: CatalogueEvent, context: { now: Date }) => Promise<Outcome | undefined>;

export interface ConsumerOptions {
  readonly tableName: string;
  readonly doc: DynamoDBDocumentClient;
  readonly publisher: EventPublisher;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Handlers by event type. Types without one are acknowledged and skipped. */
  readonly handlers: Readonly<Record<string, EventHandler>>;
  /**
   * Whether a batch's records are handled at once (the default). Off where records of one batch
   * mostly write the same item: DynamoDB cancels a transaction that overlaps another in flight on
   * the same item, which would send them round the queue again.
   */
  readonly processInParallel?: boolean;
  /** How long the dedupe mark is kept: longer than any redelivery (SQS keeps a message 14 days at most). */
  readonly dedupeDays?: number;
  /**
   * How many times to run the handler again, at once, when its transaction lost a race: another
   * writer changed an item the handler read (a condition other than the dedupe mark's failed) or
   * DynamoDB cancelled it for overlapping another transaction. The handler reads again each time.
   * Default 0: the record fails and SQS redelivers it after its visibility timeout.
   */
  readonly retryOnConflict?: number;
}

export const inboxKeys = { row: (eventId: string) => ({ pk: `INBOX#${eventId}`, sk: "INBOX" }) };

/** A cancelled transaction worth retrying: a lost race on an item other than the dedupe mark (item 0). */
const lostRace = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some(
    (reason, index) =>
      reason.Code === "TransactionConflict" || (reason.Code === "ConditionalCheckFailed" && index !== 0),
  );

// Random and short, so that writers who collided once do not collide again in step.
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 5)));

/** A message that can never be handled: let it fail every receive and reach the dead-letter queue. */
export class PoisonMessageError extends Error {
  override name = "PoisonMessageError";
}

/**
 * An SQS consumer with Lambda's partial batch responses: one bad message fails alone, and is
 * retried until it lands in the dead-letter queue. Each event is handled at most once in effect:
 * its id is marked in the same transaction as the state change it causes.
 */
export const createConsumer = (options: ConsumerOptions): QueueLambda => {
  const dedupeSeconds = (options.dedupeDays ?? 15) * 86_400;

  const handleRecord = async (record: SQSRecord): Promise<void> => {
    let raw: unknown;
    try {
      raw = JSON.parse(record.body);
    } catch {
      throw new PoisonMessageError("message body is not JSON");
    }
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      options.logger.error("unreadable event", {
        messageId: record.messageId,
        reason: parsed.reason,
        issues: parsed.issues,
      });
      throw new PoisonMessageError(`unreadable event (${parsed.reason})`);
    }
    const event = parsed.event;
    const handler = options.handlers[event.type];
    if (!handler) {
      options.logger.debug("event type not handled here", { eventId: event.id, eventType: event.type });
      return;
    }
    const retries = options.retryOnConflict ?? 0;
    for (let attempt = 0; ; attempt += 1) {
      const now = options.clock.now();
      const outcome = (await handler(event, { now })) ?? {};
      const mark: TransactItem = {
        Put: {
          TableName: options.tableName,
          Item: {
            ...inboxKeys.row(event.id),
            eventType: event.type,
            expiresAt: epochSeconds(now) + dedupeSeconds,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      };
      try {
        await options.publisher.commit([mark, ...(outcome.writes ?? [])], outcome.events ?? []);
        break;
      } catch (error) {
        // The mark is item 0: its condition failing means this event was handled before.
        if (failedConditions(error)?.includes(0)) {
          options.logger.info("duplicate event skipped", { eventId: event.id, eventType: event.type });
          return;
        }
        if (attempt < retries && lostRace(error)) {
          options.logger.debug("transaction lost a race: handling the event again", {
            eventId: event.id,
            eventType: event.type,
            attempt: attempt + 1,
          });
          await backoff(attempt);
          continue;
        }
        throw error;
      }
    }
    options.logger.info("event handled", { eventId: event.id, eventType: event.type });
  };

  return async (event, context) => {
    const processor = new BatchProcessor(EventType.SQS);
    const response = await processPartialResponse(
      event,
      async (record: SQSRecord) => {
        try {
          await handleRecord(record);
        } catch (error) {
          options.logger.warn("message failed", { messageId: record.messageId, error: describeError(error) });
          throw error;
        }
      },
      processor,
      { context, throwOnFullBatchFailure: false, processInParallel: options.processInParallel ?? true },
    );
    return response;
  };
};
