import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";
import type { QueueFunction } from "./lambda";
import type { LocalLogger } from "./log";
import type { ProvisionedQueue } from "./provision";
import { failedMessageIds, toSqsRecord } from "./sqs-record";

/** Lambda's own pollers long-poll for 20 s. */
export const DEFAULT_WAIT_TIME_SECONDS = 20;

export interface QueueDepth {
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
}

export interface BatchOutcome {
  readonly received: number;
  readonly succeeded: number;
  readonly failed: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
};

export const queueDepth = async (sqs: SQSClient, queueUrl: string): Promise<QueueDepth> => {
  const { Attributes: a = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed",
      ],
    }),
  );
  return {
    visible: Number(a.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(a.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(a.ApproximateNumberOfMessagesDelayed ?? 0),
  };
};

export interface QueuePollerOptions {
  readonly fn: QueueFunction;
  readonly queue: ProvisionedQueue;
  readonly sqs: SQSClient;
  readonly logger: LocalLogger;
  readonly waitTimeSeconds?: number;
}

export interface PollOnceOptions {
  readonly waitTimeSeconds: number;
  /**
   * Make failed messages visible again at once instead of after the visibility timeout: for tick,
   * which wants redelivery and the dead-letter queue now. Each receive still counts.
   */
  readonly releaseFailures: boolean;
  readonly abortSignal?: AbortSignal;
}

/** One event source mapping: a queue polled into one consumer function. */
export class QueuePoller {
  readonly fn: QueueFunction;
  readonly queue: ProvisionedQueue;
  readonly #sqs: SQSClient;
  readonly #logger: LocalLogger;
  readonly #waitTimeSeconds: number;
  /** Messages that failed in the background and wait out their visibility timeout, by message id. */
  readonly #parked = new Map<string, string>();
  #loop: Promise<void> | undefined;
  #abort: AbortController | undefined;

  constructor(options: QueuePollerOptions) {
    this.fn = options.fn;
    this.queue = options.queue;
    this.#sqs = options.sqs;
    this.#logger = options.logger;
    this.#waitTimeSeconds = options.waitTimeSeconds ?? DEFAULT_WAIT_TIME_SECONDS;
  }

  get running(): boolean {
    return this.#loop !== undefined;
  }

  start(): void {
    if (this.#loop) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#loop = (async () => {
      while (!abort.signal.aborted) {
        try {
          await this.pollOnce({
            waitTimeSeconds: this.#waitTimeSeconds,
            releaseFailures: false,
            abortSignal: abort.signal,
          });
        } catch (error) {
          if (abort.signal.aborted) break;
          this.#logger.error(`${this.fn.definition.id}: polling ${this.queue.name} failed; retrying`, error);
          await sleep(1000);
        }
      }
    })();
  }

  /** Ends the long poll and waits for a batch being handled to finish. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    await this.#loop;
    this.#loop = undefined;
    this.#abort = undefined;
  }

  depth(): Promise<QueueDepth> {
    return queueDepth(this.#sqs, this.queue.url);
  }

  async pollOnce(options: PollOnceOptions): Promise<BatchOutcome> {
    const { Messages: messages = [] } = await this.#sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queue.url,
        MaxNumberOfMessages: Math.min(this.queue.definition.batchSize, 10),
        WaitTimeSeconds: options.waitTimeSeconds,
        AttributeNames: ["All"],
        MessageSystemAttributeNames: ["All"],
        MessageAttributeNames: ["All"],
      }),
      options.abortSignal ? { abortSignal: options.abortSignal } : {},
    );
    if (messages.length === 0) return { received: 0, succeeded: 0, failed: 0 };
    return this.#handle(messages, options.releaseFailures);
  }

  async #handle(messages: Message[], releaseFailures: boolean): Promise<BatchOutcome> {
    const records = messages.map((m) => toSqsRecord(m, this.queue.arn));
    const event: SQSEvent = { Records: records };
    const result = await this.fn.invoke(event);
    let failed: ReadonlySet<string>;
    if (result.ok) {
      const read = failedMessageIds(result.value, records);
      failed = read.failed;
      if (read.unreadable) {
        this.#logger.error(
          `${this.fn.definition.id} returned a batch response Lambda cannot read (batchItemFailures of ids in the batch); the whole batch fails`,
        );
      }
    } else {
      // Lambda semantics: a function error returns the whole batch to the queue.
      this.#logger.error(
        `${this.fn.definition.id} ${result.timedOut ? "timed out" : "threw"} on a batch of ${records.length}`,
        result.error,
      );
      failed = new Set(records.map((r) => r.messageId));
    }

    const succeeded = records.filter((r) => !failed.has(r.messageId));
    const failures = records.filter((r) => failed.has(r.messageId));
    for (const batch of chunks(succeeded, 10)) {
      const out = await this.#sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queue.url,
          Entries: batch.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
      if (out.Failed?.length) {
        this.#logger.warn(
          `${this.fn.definition.id}: ${out.Failed.length} handled messages could not be deleted`,
        );
      }
    }
    for (const r of succeeded) this.#parked.delete(r.messageId);
    if (releaseFailures) {
      await this.#release(failures.map((r) => r.receiptHandle));
      for (const r of failures) this.#parked.delete(r.messageId);
    } else {
      for (const r of failures) this.#parked.set(r.messageId, r.receiptHandle);
    }
    if (failures.length) {
      this.#logger.warn(
        `${this.fn.definition.id}: ${failures.length} of ${records.length} messages failed (receive count ${failures
          .map((r) => r.attributes.ApproximateReceiveCount)
          .join(", ")} of ${this.queue.definition.maxReceiveCount})`,
      );
    }
    this.#logger.info(
      `${this.fn.definition.id} handled ${records.length} from ${this.queue.name}: ${succeeded.length} ok, ${failures.length} failed`,
    );
    return { received: records.length, succeeded: succeeded.length, failed: failures.length };
  }

  async #release(receiptHandles: readonly string[]): Promise<void> {
    for (const batch of chunks(receiptHandles, 10)) {
      // A handle that went stale (the message was received again meanwhile) fails alone; that is fine.
      await this.#sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.queue.url,
          Entries: batch.map((handle, i) => ({ Id: String(i), ReceiptHandle: handle, VisibilityTimeout: 0 })),
        }),
      );
    }
  }

  /** Makes the messages that failed in the background visible now. */
  async releaseParked(): Promise<number> {
    const handles = [...this.#parked.values()];
    this.#parked.clear();
    await this.#release(handles);
    return handles.length;
  }
}

export interface DrainQueueSummary {
  readonly consumer: string;
  readonly queue: string;
  readonly received: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly visible: number;
  readonly inFlight: number;
  readonly deadLetters: number;
}

export interface DrainSummary {
  readonly drained: boolean;
  readonly queues: readonly DrainQueueSummary[];
}

/**
 * Polls every consumer until its queue has nothing visible and nothing in flight, or the time is up.
 * Consumers publish to each other, so it goes round until a whole round finds nothing. Failed
 * messages are made visible again at once, so those that keep failing reach the dead-letter queue
 * after maxReceiveCount receives instead of after maxReceiveCount visibility timeouts.
 */
export const drainQueues = async (
  pollers: readonly QueuePoller[],
  sqs: SQSClient,
  options: { readonly timeoutMs: number },
): Promise<DrainSummary> => {
  const deadline = Date.now() + options.timeoutMs;
  const totals = new Map<QueuePoller, { received: number; succeeded: number; failed: number }>(
    pollers.map((p) => [p, { received: 0, succeeded: 0, failed: 0 }]),
  );
  let drained = false;
  while (Date.now() < deadline) {
    let progressed = false;
    for (const poller of pollers) {
      while (Date.now() < deadline) {
        const outcome = await poller.pollOnce({ waitTimeSeconds: 0, releaseFailures: true });
        const total = totals.get(poller);
        if (total) {
          total.received += outcome.received;
          total.succeeded += outcome.succeeded;
          total.failed += outcome.failed;
        }
        if (outcome.received === 0) break;
        progressed = true;
      }
    }
    if (progressed) continue;
    const depths = await Promise.all(pollers.map((p) => p.depth()));
    if (depths.every((d) => d.visible === 0 && d.inFlight === 0)) {
      drained = true;
      break;
    }
    // In flight but not ours: the background poller holds it; it either finishes soon or parks it.
    await Promise.all(pollers.map((p) => p.releaseParked()));
    await sleep(50);
  }
  const queues = await Promise.all(
    pollers.map(async (p) => {
      const [depth, deadLetters] = await Promise.all([p.depth(), queueDepth(sqs, p.queue.deadLetter.url)]);
      const total = totals.get(p) ?? { received: 0, succeeded: 0, failed: 0 };
      return {
        consumer: p.fn.definition.id,
        queue: p.queue.name,
        ...total,
        visible: depth.visible,
        inFlight: depth.inFlight,
        deadLetters: deadLetters.visible + deadLetters.inFlight,
      };
    }),
  );
  return { drained, queues };
};
