import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it } from "vitest";
import {
  type DurableSqs,
  type DurableSqsOptions,
  type RestoreSummary,
  startDurableSqs,
} from "../../../infra/local/durable-sqs";
import { memoryLogger } from "../../../infra/local/log";
import { REPO_ROOT } from "../../../infra/local/paths";
import { parseJournal } from "../../../infra/local/sqs-journal";

/** The journaled SQS alone (no DynamoDB): what must hold for any producer and consumer. */
const running: DurableSqs[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const journalIn = (): string => {
  const folder = mkdtempSync(join(tmpdir(), "sqs-journal-"));
  folders.push(folder);
  return join(folder, "sqs-journal.ndjson");
};

interface Started {
  readonly sqs: DurableSqs;
  readonly client: SQSClient;
  readonly url: string;
  readonly dlqUrl: string;
  readonly restored: RestoreSummary;
}

/** A queue `q` with dead-letter queue `q-dlq` after `maxReceiveCount` receives, as provisioning would make. */
const start = async (
  journalFile: string,
  options: Partial<DurableSqsOptions> & { readonly maxReceiveCount?: number } = {},
): Promise<Started> => {
  const sqs = await startDurableSqs({ port: 0, journalFile, logger: memoryLogger(), ...options });
  running.push(sqs);
  const client = new SQSClient({
    region: "eu-north-1",
    endpoint: `http://127.0.0.1:${sqs.port}`,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const dlqUrl = (await client.send(new CreateQueueCommand({ QueueName: "q-dlq" }))).QueueUrl ?? "";
  const dlqArn = (
    await client.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ["QueueArn"] }))
  ).Attributes?.QueueArn;
  const url =
    (
      await client.send(
        new CreateQueueCommand({
          QueueName: "q",
          Attributes: {
            VisibilityTimeout: "60",
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: dlqArn,
              maxReceiveCount: options.maxReceiveCount ?? 5,
            }),
          },
        }),
      )
    ).QueueUrl ?? "";
  // After the queues exist, as `npm start` does; sends are answered only once it has committed the journal.
  const restored = await sqs.restore();
  return { sqs, client, url, dlqUrl, restored };
};

const stop = async (started: Started): Promise<void> => {
  await started.sqs.stop();
  running.splice(running.indexOf(started.sqs), 1);
};

const receive = async (client: SQSClient, url: string) =>
  (
    await client.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ["All"],
        WaitTimeSeconds: 0,
      }),
    )
  ).Messages ?? [];

/** Every visible message's body, received (and left in flight). */
const bodiesIn = async (client: SQSClient, url: string): Promise<string[]> => {
  const bodies: string[] = [];
  for (;;) {
    const messages = await receive(client, url);
    if (messages.length === 0) return bodies.sort();
    bodies.push(...messages.map((m) => m.Body ?? ""));
  }
};

const journalLines = (file: string): number => readFileSync(file, "utf8").split("\n").filter(Boolean).length;

describe("the local SQS journal", () => {
  it("gives back after a stop every message not deleted, in-flight ones visible at once, with their attributes", async () => {
    const file = journalIn();
    const first = await start(file);
    await first.client.send(
      new SendMessageCommand({
        QueueUrl: first.url,
        MessageBody: "one",
        MessageAttributes: { eventType: { DataType: "String", StringValue: "release-notice.received" } },
      }),
    );
    await first.client.send(
      new SendMessageBatchCommand({
        QueueUrl: first.url,
        Entries: ["two", "three", "four"].map((body, i) => ({ Id: String(i), MessageBody: body })),
      }),
    );
    const [handled, inFlight] = await receive(first.client, first.url);
    expect(handled && inFlight).toBeTruthy();
    await first.client.send(
      new DeleteMessageCommand({ QueueUrl: first.url, ReceiptHandle: handled?.ReceiptHandle }),
    );
    await stop(first);

    const second = await start(file);
    expect(second.restored).toEqual({ restored: 3, kept: 0, tornTail: false, corruptLines: 0 });
    const messages = await receive(second.client, second.url);
    const expected = ["one", "two", "three", "four"].filter((b) => b !== handled?.Body);
    expect(messages.map((m) => m.Body).sort()).toEqual(expected.sort());
    expect(messages.map((m) => m.Body)).toContain(inFlight?.Body);
    const one = messages.find((m) => m.Body === "one");
    if (one) expect(one.MessageAttributes?.eventType?.StringValue).toBe("release-notice.received");
    // The start rewrote the journal as just the live messages.
    expect(journalLines(file)).toBe(3);
  });

  it("keeps every acknowledged send when the process is killed outright", async () => {
    const file = journalIn();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/integration/local/support/durable-sqs-child.ts", file, "25"],
      { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", () => resolve());
      child.once("exit", (code) => reject(new Error(`the child exited with ${code}`)));
    });
    child.kill("SIGKILL");
    await exited;

    const restarted = await start(file);
    expect(restarted.restored.restored).toBe(25);
    const bodies = await bodiesIn(restarted.client, restarted.url);
    expect(bodies).toEqual(Array.from({ length: 25 }, (_, i) => `message ${i}`).sort());
  });

  it("keeps a message in its dead-letter queue", async () => {
    const file = journalIn();
    const first = await start(file, { maxReceiveCount: 1 });
    await first.client.send(new SendMessageCommand({ QueueUrl: first.url, MessageBody: "poison" }));
    const [received] = await receive(first.client, first.url);
    await first.client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: first.url,
        ReceiptHandle: received?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    // The second receive goes past maxReceiveCount: fauxqs moves it to the dead-letter queue.
    expect(await receive(first.client, first.url)).toEqual([]);
    await stop(first);

    const second = await start(file, { maxReceiveCount: 1 });
    expect(await bodiesIn(second.client, second.url)).toEqual([]);
    expect(await bodiesIn(second.client, second.dlqUrl)).toEqual(["poison"]);
  });

  it("forgets what a purge removed, and keeps what was sent after it", async () => {
    const file = journalIn();
    const first = await start(file);
    for (const body of ["before-1", "before-2"]) {
      await first.client.send(new SendMessageCommand({ QueueUrl: first.url, MessageBody: body }));
    }
    await first.client.send(new PurgeQueueCommand({ QueueUrl: first.url }));
    await first.client.send(new SendMessageCommand({ QueueUrl: first.url, MessageBody: "after" }));
    await stop(first);

    const second = await start(file);
    expect(await bodiesIn(second.client, second.url)).toEqual(["after"]);
  });

  it("keeps messages for a queue that no longer exists, for a later start", async () => {
    const file = journalIn();
    const first = await start(file);
    await first.client.send(new SendMessageCommand({ QueueUrl: first.dlqUrl, MessageBody: "orphan" }));
    await stop(first);

    // A start that provisions no queues at all.
    const bare = await startDurableSqs({ port: 0, journalFile: file, logger: memoryLogger() });
    running.push(bare);
    expect(await bare.restore()).toMatchObject({ restored: 0, kept: 1 });
    await bare.stop();
    running.splice(running.indexOf(bare), 1);

    const third = await start(file);
    expect(third.restored).toMatchObject({ restored: 1, kept: 0 });
    expect(await bodiesIn(third.client, third.dlqUrl)).toEqual(["orphan"]);
  });

  it("rewrites the journal while running once it grows, and replays the same messages after", async () => {
    const file = journalIn();
    const first = await start(file, { compactAfterBytes: 4096 });
    const body = "x".repeat(200);
    for (let round = 0; round < 10; round++) {
      await first.client.send(
        new SendMessageBatchCommand({
          QueueUrl: first.url,
          Entries: Array.from({ length: 10 }, (_, i) => ({
            Id: String(i),
            MessageBody: `${round}-${i}-${body}`,
          })),
        }),
      );
      for (const message of await receive(first.client, first.url)) {
        if (!message.Body?.startsWith(`${round}-0-`)) {
          await first.client.send(
            new DeleteMessageCommand({ QueueUrl: first.url, ReceiptHandle: message.ReceiptHandle }),
          );
        }
      }
    }
    // 100 sends of about 330 bytes and 90 deletions went through (about 37 KB); ten messages are
    // alive. The file is rewritten whenever it grew by 4 KiB and twice the live size since.
    expect(statSync(file).size).toBeLessThan(16 * 1024);
    await stop(first);

    const records = parseJournal(readFileSync(file, "utf8")).records;
    expect(records.length).toBeGreaterThanOrEqual(10);
    const second = await start(file);
    expect(second.restored.restored).toBe(10);
    const bodies = await bodiesIn(second.client, second.url);
    expect(bodies.map((b) => b.split("-").slice(0, 2).join("-"))).toEqual(
      Array.from({ length: 10 }, (_, round) => `${round}-0`).sort(),
    );
  });

  it("fails a send it cannot journal, so the producer keeps its outbox row", async () => {
    const file = journalIn();
    const logger = memoryLogger();
    const first = await start(file, { compactAfterBytes: 1, logger });
    await first.client.send(new SendMessageCommand({ QueueUrl: first.url, MessageBody: "saved" }));
    // The rewrite that this much growth asks for cannot create its file: the folder is gone.
    rmSync(join(file, ".."), { recursive: true, force: true });
    await expect(
      first.client.send(new SendMessageCommand({ QueueUrl: first.url, MessageBody: "unsaved" })),
    ).rejects.toThrow();
    expect(logger.lines.some((l) => l.includes("the SQS journal cannot be written"))).toBe(true);
  });
});
