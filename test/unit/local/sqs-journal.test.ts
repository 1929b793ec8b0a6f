import { describe, expect, it } from "vitest";
import { queueNameOfRequest } from "../../../infra/local/durable-sqs";
import {
  byQueue,
  compactJournal,
  encodeRecord,
  type JournalRecord,
  LiveMessages,
  parseJournal,
  type SentMessage,
} from "../../../infra/local/sqs-journal";

const sent = (id: string, queue = "intake", body = `{"id":"${id}"}`): SentMessage => ({
  op: "send",
  queue,
  id,
  body,
  attributes: { eventType: { DataType: "String", StringValue: "release-notice.received" } },
  at: 1_800_000_000_000,
});
const deleted = (id: string): JournalRecord => ({ op: "delete", id });
const purged = (queue: string): JournalRecord => ({ op: "purge", queue });
const text = (records: readonly JournalRecord[]): string => records.map(encodeRecord).join("");
const liveIds = (records: readonly JournalRecord[]): string[] =>
  LiveMessages.of(records)
    .messages()
    .map((m) => m.id);

describe("reading a journal file's text", () => {
  it("reads every complete line back as the record written", () => {
    const records = [sent("a"), deleted("a"), purged("intake")];
    expect(parseJournal(text(records))).toEqual({ records, tornTail: false, corruptLines: 0 });
  });

  it("reads an empty file as no records", () => {
    expect(parseJournal("")).toEqual({ records: [], tornTail: false, corruptLines: 0 });
  });

  it("ignores a last line cut off mid-write and says so", () => {
    const whole = text([sent("a"), sent("b")]);
    const torn = `${whole}${encodeRecord(sent("c")).slice(0, 40)}`;
    const parsed = parseJournal(torn);
    expect(parsed.records.map((r) => (r.op === "send" ? r.id : r.op))).toEqual(["a", "b"]);
    expect(parsed).toMatchObject({ tornTail: true, corruptLines: 0 });
  });

  it("treats a complete record without its newline as torn: the write that was cut had not been answered", () => {
    const parsed = parseJournal(`${encodeRecord(sent("a"))}${JSON.stringify(sent("b"))}`);
    expect(parsed.records).toHaveLength(1);
    expect(parsed.tornTail).toBe(true);
  });

  it("skips and counts lines that are not records, and keeps reading after them", () => {
    const garbage = ["\u0000\u0000\u0000", '{"op":"send"', '{"op":"rename","id":"a"}', "[1,2]"];
    const parsed = parseJournal(
      `${encodeRecord(sent("a"))}${garbage.join("\n")}\n${encodeRecord(sent("b"))}`,
    );
    expect(parsed.records.map((r) => (r.op === "send" ? r.id : r.op))).toEqual(["a", "b"]);
    expect(parsed.corruptLines).toBe(garbage.length);
    expect(parsed.tornTail).toBe(false);
  });
});

describe("what replays", () => {
  it("is every message sent and not deleted, in sending order", () => {
    expect(liveIds([sent("a"), sent("b"), sent("c"), deleted("b")])).toEqual(["a", "c"]);
  });

  it("forgets a deletion of a message it never saw", () => {
    expect(liveIds([deleted("x"), sent("a")])).toEqual(["a"]);
  });

  it("puts a message moved to a dead-letter queue back there, in its original place", () => {
    const live = LiveMessages.of([sent("a"), sent("b"), sent("a", "intake-dlq")]).messages();
    expect(live.map((m) => [m.id, m.queue])).toEqual([
      ["a", "intake-dlq"],
      ["b", "intake"],
    ]);
  });

  it("drops what a purge emptied from that queue only, and keeps what was sent after it", () => {
    const records = [sent("a"), sent("b", "reports"), purged("intake"), sent("c")];
    expect(liveIds(records)).toEqual(["b", "c"]);
  });

  it("keeps a message in a dead-letter queue when its source queue is purged", () => {
    expect(liveIds([sent("a"), sent("a", "intake-dlq"), purged("intake")])).toEqual(["a"]);
  });

  it("keeps the body and attributes exactly as sent", () => {
    const message = sent("a", "intake", '{"text":"åäö \\n \\"quoted\\""}');
    expect(LiveMessages.of(parseJournal(text([message])).records).messages()).toEqual([message]);
  });
});

describe("compacting a journal", () => {
  const history: JournalRecord[] = [
    sent("a"),
    sent("b"),
    deleted("a"),
    sent("c", "reports"),
    sent("b", "intake-dlq"),
    purged("reports"),
    sent("d"),
  ];

  it("writes only the live messages, which replay as the whole history did", () => {
    const compacted = compactJournal(history);
    const reread = parseJournal(compacted);
    expect(reread.records.every((r) => r.op === "send")).toBe(true);
    expect(LiveMessages.of(reread.records).messages()).toEqual(LiveMessages.of(history).messages());
    expect(reread.records.map((r) => (r.op === "send" ? r.id : ""))).toEqual(["b", "d"]);
  });

  it("changes nothing when run again", () => {
    const once = compactJournal(history);
    expect(compactJournal(parseJournal(once).records)).toBe(once);
  });

  it("of a file whose last line was torn keeps everything before it", () => {
    const torn = `${text(history)}${encodeRecord(deleted("d")).slice(0, 10)}`;
    expect(parseJournal(compactJournal(parseJournal(torn).records)).records.map((r) => r.op)).toEqual([
      "send",
      "send",
    ]);
  });

  it("of a journal where everything was handled is empty", () => {
    expect(compactJournal([sent("a"), sent("b"), deleted("b"), deleted("a")])).toBe("");
  });
});

describe("restoring by queue", () => {
  it("groups messages by queue, each group in sending order", () => {
    const groups = byQueue([sent("a"), sent("b", "reports"), sent("c"), sent("d", "reports")]);
    expect([...groups].map(([queue, messages]) => [queue, messages.map((m) => m.id)])).toEqual([
      ["intake", ["a", "c"]],
      ["reports", ["b", "d"]],
    ]);
  });
});

describe("the queue a PurgeQueue or DeleteQueue names", () => {
  const named = (queueUrl: unknown) =>
    queueNameOfRequest(Buffer.from(JSON.stringify({ QueueUrl: queueUrl })));

  it("is the last segment of its URL, also with fauxqs's host names that are not valid URL hosts", () => {
    expect(named("http://sqs.eu-north-1.127.0.0.1:3002/000000000000/ny-riktning-intake")).toBe(
      "ny-riktning-intake",
    );
    expect(named("http://127.0.0.1:3002/000000000000/ny-riktning-intake-dlq/")).toBe(
      "ny-riktning-intake-dlq",
    );
  });

  it("is unknown for a body without a queue URL", () => {
    expect(named(42)).toBeUndefined();
    expect(queueNameOfRequest(Buffer.from("not json"))).toBeUndefined();
  });
});
