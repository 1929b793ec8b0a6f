/**
 * The local SQS journal's records and how they replay, kept pure so they can be tested without a
 * file or a server. One JSON record per line, appended in the order the queue server did things:
 *
 * - `send`: a message entered a queue (a SendMessage, a batch entry, or a move to a dead-letter
 *   queue; the move keeps the message id, so the message's last `send` names the queue it is in);
 * - `delete`: a consumer deleted it (only when the queue server really removed it);
 * - `purge`: PurgeQueue or DeleteQueue emptied a queue.
 *
 * What replays is every message sent and neither deleted nor purged since, in sending order.
 */
import { z } from "zod";

/** As the AWS JSON protocol carries them (binary values base64), so a replay sends exactly what was sent. */
const messageAttributeSchema = z.object({
  DataType: z.string(),
  StringValue: z.string().optional(),
  BinaryValue: z.string().optional(),
});

const sendRecordSchema = z.object({
  op: z.literal("send"),
  queue: z.string().min(1),
  id: z.string().min(1),
  body: z.string(),
  attributes: z.record(z.string(), messageAttributeSchema),
  /** When the queue server accepted it (ms since the epoch); for the log and the reader only. */
  at: z.number(),
});
const deleteRecordSchema = z.object({ op: z.literal("delete"), id: z.string().min(1) });
const purgeRecordSchema = z.object({ op: z.literal("purge"), queue: z.string().min(1) });

export const journalRecordSchema = z.discriminatedUnion("op", [
  sendRecordSchema,
  deleteRecordSchema,
  purgeRecordSchema,
]);

export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type SentMessage = Extract<JournalRecord, { op: "send" }>;

export const encodeRecord = (record: JournalRecord): string => `${JSON.stringify(record)}\n`;

export interface ParsedJournal {
  readonly records: readonly JournalRecord[];
  /** An unfinished last line: the process died while writing it. Nothing acknowledged is ever in one. */
  readonly tornTail: boolean;
  /** Complete lines that are not a record (a disk that lost unsynced data after a power cut); skipped. */
  readonly corruptLines: number;
}

/** Every record of a journal file's text, tolerating a torn last line and skipping unreadable ones. */
export const parseJournal = (text: string): ParsedJournal => {
  const lines = text.split("\n");
  // Text ending in "\n" leaves an empty last piece; anything else there was cut off mid-write.
  const tail = lines.pop() ?? "";
  const records: JournalRecord[] = [];
  let corruptLines = 0;
  for (const line of lines) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      corruptLines++;
      continue;
    }
    const parsed = journalRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else corruptLines++;
  }
  return { records, tornTail: tail.length > 0, corruptLines };
};

/**
 * The messages alive after a sequence of records, by message id in the order they were first sent
 * (a Map keeps insertion order; a move to a dead-letter queue replaces the entry in place).
 */
export class LiveMessages {
  readonly #byId = new Map<string, SentMessage>();

  apply(record: JournalRecord): void {
    switch (record.op) {
      case "send":
        this.#byId.set(record.id, record);
        return;
      case "delete":
        this.#byId.delete(record.id);
        return;
      case "purge":
        for (const [id, message] of this.#byId) if (message.queue === record.queue) this.#byId.delete(id);
        return;
    }
  }

  get size(): number {
    return this.#byId.size;
  }

  messages(): SentMessage[] {
    return [...this.#byId.values()];
  }

  static of(records: Iterable<JournalRecord>): LiveMessages {
    const live = new LiveMessages();
    for (const record of records) live.apply(record);
    return live;
  }
}

/** The journal rewritten as only what is alive: what a compaction writes. */
export const compactJournal = (records: Iterable<JournalRecord>): string =>
  LiveMessages.of(records)
    .messages()
    .map((message) => encodeRecord(message))
    .join("");

/** Messages grouped by queue name, each group in sending order: how a restore sends them back. */
export const byQueue = (messages: readonly SentMessage[]): Map<string, SentMessage[]> => {
  const groups = new Map<string, SentMessage[]>();
  for (const message of messages) {
    const group = groups.get(message.queue);
    if (group) group.push(message);
    else groups.set(message.queue, [message]);
  }
  return groups;
};
