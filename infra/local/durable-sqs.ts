/**
 * fauxqs keeps its queues in memory only. This puts a journal beside it so that every message it
 * accepts survives a stop or a crash (kill -9) until a consumer deletes it, as in SQS:
 *
 * - fauxqs runs in this process; its message spy reports, synchronously and in order, each message
 *   entering a queue (a send, or a move to a dead-letter queue, which keeps the message id) and each
 *   real deletion. Each becomes a journal record (sqs-journal.ts).
 * - Clients talk to a small proxy in front of fauxqs (the AWS JSON protocol passes through as is).
 *   It answers SendMessage and SendMessageBatch only once the journal holds their records synced
 *   to disk: a producer deletes its outbox row on that answer, so it must not come first. PurgeQueue
 *   and DeleteQueue are journaled before they reach fauxqs, so nothing sent after them is dropped.
 * - At start, restore() sends the messages alive in the old journal back into their queues (a
 *   message that had moved to a dead-letter queue goes back there) and replaces the journal with
 *   just those: the start compacts it. Messages that were in flight are visible again at once.
 *
 * Deletions are written soon but not synced: a deletion lost to a power cut replays a message its
 * consumer has handled, and consumers ignore event ids they have handled. A replayed message starts
 * with a receive count of 0 and no delay, and FIFO attributes are not kept: the project's queues
 * are standard queues without delays.
 */
import { mkdirSync } from "node:fs";
import { Agent, createServer, type IncomingHttpHeaders, type IncomingMessage, request } from "node:http";
import { dirname } from "node:path";
import { startFauxqs } from "fauxqs";
import { z } from "zod";
import type { LocalLogger } from "./log";
import { byQueue, LiveMessages, type SentMessage } from "./sqs-journal";
import { JournalWriter, readJournalFile } from "./sqs-journal-file";

const LOOPBACK = "127.0.0.1";
const JSON_PROTOCOL = "application/x-amz-json-1.0";
/** Answered only when their records are synced to the journal. */
const DURABLE_ACTIONS = new Set(["SendMessage", "SendMessageBatch", "PurgeQueue", "DeleteQueue"]);
/** SQS takes at most 10 entries per batch; staying well under its size limit keeps a batch one request. */
const BATCH_ENTRIES = 10;
const BATCH_BYTES = 200 * 1024;

export interface DurableSqsOptions {
  /** The port clients use; 0: a free one. Loopback only. */
  readonly port: number;
  readonly journalFile: string;
  readonly logger: LocalLogger;
  /** See JournalWriterOptions. */
  readonly compactAfterBytes?: number;
}

export interface RestoreSummary {
  /** Messages sent back into their queues. */
  readonly restored: number;
  /** Messages whose queue no longer exists: kept in the journal, not delivered. */
  readonly kept: number;
  readonly tornTail: boolean;
  readonly corruptLines: number;
}

export interface DurableSqs {
  readonly port: number;
  /** Once, after the queues exist and before anything consumes them. */
  restore(): Promise<RestoreSummary>;
  stop(): Promise<void>;
}

const queueUrlSchema = z.object({ QueueUrl: z.string().min(1) });
const batchResultSchema = z.object({
  Successful: z.array(z.object({ Id: z.string() })).optional(),
  Failed: z.array(z.object({ Id: z.string(), Code: z.string().optional() })).optional(),
});

/** The queue a PurgeQueue or DeleteQueue names: the last segment of its URL. */
export const queueNameOfRequest = (body: Buffer): string | undefined => {
  try {
    const parsed = queueUrlSchema.safeParse(JSON.parse(body.toString("utf8")));
    if (!parsed.success) return undefined;
    // Not new URL(): fauxqs's host names (sqs.<region>.127.0.0.1) are not valid URL hosts.
    return parsed.data.QueueUrl.split(/[?#]/)[0]?.split("/").filter(Boolean).pop();
  } catch {
    return undefined;
  }
};

const readAll = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.once("end", () => resolve(Buffer.concat(chunks)));
    stream.once("error", reject);
  });

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);
const endToEnd = (headers: IncomingHttpHeaders): Record<string, string | string[]> => {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
};

const sqsError = (message: string): string =>
  JSON.stringify({ __type: "com.amazonaws.sqs#InternalError", message });

/** Batches of at most 10 entries and about 200 KB, in order. */
const batchesOf = (messages: readonly SentMessage[]): SentMessage[][] => {
  const batches: SentMessage[][] = [];
  let current: SentMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Buffer.byteLength(message.body) + Buffer.byteLength(JSON.stringify(message.attributes));
    if (current.length === BATCH_ENTRIES || (current.length > 0 && bytes + size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
};

export const startDurableSqs = async (options: DurableSqsOptions): Promise<DurableSqs> => {
  const { logger, journalFile } = options;
  mkdirSync(dirname(journalFile), { recursive: true });
  const previous = readJournalFile(journalFile);
  const journal = new JournalWriter({
    path: journalFile,
    logger,
    ...(options.compactAfterBytes !== undefined ? { compactAfterBytes: options.compactAfterBytes } : {}),
  });

  // No spy buffer: the filter below sees every event as it happens, and nothing keeps bodies around.
  const fauxqs = await startFauxqs({
    port: 0,
    host: LOOPBACK,
    logger: false,
    messageSpies: { bufferSize: 0 },
  });
  // A wait that never ends: its filter runs synchronously for each event, inside the request that caused it.
  void fauxqs.spy.waitForMessage((event) => {
    if (event.service !== "sqs") return false;
    if (event.status === "published") {
      journal.append({
        op: "send",
        queue: event.queueName,
        id: event.messageId,
        body: event.body,
        attributes: event.messageAttributes,
        at: event.timestamp,
      });
    } else if (event.status === "consumed") {
      journal.append({ op: "delete", id: event.messageId });
    }
    return false;
  });

  const agent = new Agent({ keepAlive: true });
  const upstream = (
    incoming: IncomingMessage,
    body: Buffer,
    signal: AbortSignal,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: LOOPBACK,
          port: fauxqs.port,
          method: incoming.method ?? "POST",
          path: incoming.url ?? "/",
          // The client's Host header stays: fauxqs builds queue URLs from it, so they name this proxy.
          headers: { ...endToEnd(incoming.headers), "content-length": String(body.length) },
          agent,
          signal,
        },
        (response) => {
          readAll(response).then(
            (data) => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: data }),
            reject,
          );
        },
      );
      outgoing.once("error", reject);
      outgoing.end(body);
    });

  // Requests on their way to fauxqs, so that stop() ends long polls rather than cutting them off.
  const forwarding = new Set<AbortController>();
  let stopping: Promise<void> | undefined;
  const proxy = createServer((req, res) => {
    const abort = new AbortController();
    forwarding.add(abort);
    // A long poll the client gave up on (a poller stopping) need not wait out its 20 s upstream.
    res.once("close", () => {
      forwarding.delete(abort);
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      try {
        const body = await readAll(req);
        const target = String(req.headers["x-amz-target"] ?? "").replace(/^AmazonSQS\./, "");
        if (target === "PurgeQueue" || target === "DeleteQueue") {
          const queue = queueNameOfRequest(body);
          if (queue) journal.append({ op: "purge", queue });
        }
        const answer = await upstream(req, body, abort.signal);
        if (answer.status < 300 && DURABLE_ACTIONS.has(target)) await journal.sync();
        res.writeHead(answer.status, { ...endToEnd(answer.headers), "content-length": answer.body.length });
        res.end(answer.body);
      } catch (error) {
        if (abort.signal.aborted) return;
        logger.error("the local SQS proxy could not complete a request", error);
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": JSON_PROTOCOL });
          res.end(sqsError("The local SQS journal or queue server failed; see the runtime's log"));
        } else {
          res.destroy();
        }
      }
    })();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      proxy.once("error", reject);
      proxy.listen(options.port, LOOPBACK, () => {
        proxy.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await fauxqs.stop();
    await journal.close();
    throw error instanceof Error && "code" in error && error.code === "EADDRINUSE"
      ? new Error(`Port ${options.port} for the local SQS is in use; choose another`)
      : error;
  }
  const address = proxy.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  /** Straight to fauxqs: the restore's sends are committed together at its end, not one by one. */
  const sendBatch = async (queueUrl: string, batch: readonly SentMessage[]): Promise<Set<string>> => {
    const response = await fetch(`http://${LOOPBACK}:${fauxqs.port}/`, {
      method: "POST",
      headers: { "content-type": JSON_PROTOCOL, "x-amz-target": "AmazonSQS.SendMessageBatch" },
      body: JSON.stringify({
        QueueUrl: queueUrl,
        Entries: batch.map((message, i) => ({
          Id: String(i),
          MessageBody: message.body,
          ...(Object.keys(message.attributes).length ? { MessageAttributes: message.attributes } : {}),
        })),
      }),
    });
    const result = batchResultSchema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !result.success) return new Set(batch.map((_, i) => String(i)));
    return new Set((result.data.Failed ?? []).map((f) => f.Id));
  };

  let restoring: Promise<RestoreSummary> | undefined;
  const restore = async (): Promise<RestoreSummary> => {
    const alive = LiveMessages.of(previous.records).messages();
    let restored = 0;
    let kept = 0;
    for (const [queue, messages] of byQueue(alive)) {
      const url = fauxqs.inspectQueue(queue)?.url;
      if (!url) {
        // Not delivered (no such queue now), not forgotten either: the next start tries again.
        for (const message of messages) journal.append(message);
        kept += messages.length;
        logger.warn(
          `${messages.length} journaled messages wait for queue ${queue}, which does not exist now`,
        );
        continue;
      }
      for (const batch of batchesOf(messages)) {
        const failed = await sendBatch(url, batch);
        batch.forEach((message, i) => {
          if (failed.has(String(i))) {
            journal.append(message);
            kept++;
          } else {
            restored++;
          }
        });
      }
    }
    await journal.commit();
    return { restored, kept, tornTail: previous.tornTail, corruptLines: previous.corruptLines };
  };

  return {
    port,
    restore() {
      restoring ??= restore();
      return restoring;
    },
    stop() {
      stopping ??= (async () => {
        for (const abort of forwarding) abort.abort();
        await new Promise<void>((resolve) => {
          proxy.close(() => resolve());
          proxy.closeAllConnections();
        });
        agent.destroy();
        await fauxqs.stop();
        await journal.close();
      })();
      return stopping;
    },
  };
};
