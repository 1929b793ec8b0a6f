import { ChangeMessageVisibilityCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { describeError, type Logger } from "../../../shared/logger";
import type { KeyRing } from "../../../shared/runtime/keys";
import type { ReleaseNoticesDeps } from "../deps";
import { delivered, retryDelaySeconds, secretKey, signedDelivery } from "../domain/delivery";
import { type SubscriptionTable, subscriptionTable } from "../store/subscription-table";
import { readStatusChange } from "./status-change-event";
import { receiverOf } from "./subscriptions";

export interface DeliveryDeps {
  readonly subscriptions: SubscriptionTable;
  readonly keys: KeyRing;
  readonly logger: Logger;
  readonly sqs: SQSClient;
  readonly deliveryQueueUrl: string | undefined;
  readonly fetch: typeof fetch;
}

/** A receiver that does not answer within this is tried again later. */
const RECEIVER_TIMEOUT_MS = 10_000;

type Result = "delivered" | "skipped" | "failed";

/**
 * Delivers status changes to the receiver the notice's client registered, one signed POST per
 * event, `webhook-id` the event's id (a receiver dedupes on it). A delivery that fails is held
 * back on the queue for a growing delay (domain/delivery.ts) and tried again, until the queue's
 * receives are spent and it goes to the dead-letter queue, whose alarm calls someone. Each
 * attempt is logged with its outcome, never with the body.
 */
export const createStatusDelivery = (deps: DeliveryDeps) => {
  const deliver = async (record: SQSRecord, attempt: number): Promise<Result> => {
    let raw: unknown;
    try {
      raw = JSON.parse(record.body);
    } catch {
      deps.logger.error("status delivery: message is not JSON", { messageId: record.messageId });
      return "failed";
    }
    const read = readStatusChange(raw);
    if (read.kind === "other") return "skipped";
    if (read.kind === "unreadable") {
      deps.logger.error("status delivery: unreadable event", {
        messageId: record.messageId,
        reason: read.reason,
      });
      return "failed";
    }
    const event = read.event;
    const { client, ...delivery } = event.data;
    const ids = { eventId: event.id, noticeId: delivery.noticeId, status: delivery.status, attempt };
    const receiver = await receiverOf(deps, client);
    if (!receiver) {
      deps.logger.info("status delivery: no receiver registered", ids);
      return "skipped";
    }
    const key = secretKey(receiver.secret);
    if (!key) throw new Error("a stored receiver secret is not a whsec_ secret");
    // The attempt's own time (the machine's, not the domain clock the local runtime may move):
    // receivers reject a timestamp far from their clock.
    const { headers, body } = signedDelivery(key, event.id, delivery, new Date());
    const started = Date.now();
    const host = new URL(receiver.url).host;
    try {
      const response = await deps.fetch(receiver.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(RECEIVER_TIMEOUT_MS),
      });
      await response.body?.cancel();
      const ok = delivered(response.status);
      deps.logger[ok ? "info" : "warn"]("status delivery attempt", {
        ...ids,
        host,
        httpStatus: response.status,
        durationMs: Date.now() - started,
        outcome: ok ? "delivered" : "refused",
      });
      return ok ? "delivered" : "failed";
    } catch (error) {
      deps.logger.warn("status delivery attempt", {
        ...ids,
        host,
        durationMs: Date.now() - started,
        outcome: "unreachable",
        error: describeError(error).name,
      });
      return "failed";
    }
  };

  /** Hold a failed delivery back: it becomes visible again after the backoff, not the queue's timeout. */
  const holdBack = async (record: SQSRecord, attempt: number): Promise<void> => {
    if (!deps.deliveryQueueUrl) return;
    try {
      await deps.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: deps.deliveryQueueUrl,
          ReceiptHandle: record.receiptHandle,
          VisibilityTimeout: retryDelaySeconds(attempt),
        }),
      );
    } catch (error) {
      // The queue's own visibility timeout then decides when it is tried again.
      deps.logger.warn("status delivery: could not hold the message back", {
        messageId: record.messageId,
        error: describeError(error),
      });
    }
  };

  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failed: string[] = [];
    await Promise.all(
      event.Records.map(async (record) => {
        const attempt = Number(record.attributes.ApproximateReceiveCount) || 1;
        let result: Result;
        try {
          result = await deliver(record, attempt);
        } catch (error) {
          deps.logger.error("status delivery failed", {
            messageId: record.messageId,
            error: describeError(error),
          });
          result = "failed";
        }
        if (result === "failed") {
          failed.push(record.messageId);
          await holdBack(record, attempt);
        }
      }),
    );
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
};

/** The delivery on the service's dependencies: its table for the receivers. */
export const statusDeliveryOn = (deps: ReleaseNoticesDeps) =>
  createStatusDelivery({ ...deps, subscriptions: subscriptionTable(deps) });
