/**
 * Fault injection, measured: release notices posted through the local runtime while an SDK
 * middleware in the runtime's own DynamoDB and SQS clients fails a share of TransactWriteItems and
 * SendMessage calls at random, before the real call (nothing written) or after it (written, but the
 * caller is told it failed, as when a process crashes with the answer on its way). The real servers
 * answer every call that goes through. Then the sweeps and the queues drain it all; the figures
 * say what was injected and what arrived. Shared by the integration suite and `npm run bench`.
 */

import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { LocalClients } from "../../../infra/local/aws";
import { reportSchema } from "../../../services/pilot-reports/contract";
import { documentClient } from "../../../shared/dynamo";
import { outboxKeys } from "../../../shared/events/outbox";
import { personnummer } from "../../support/identities";
import { CONTACT } from "../../support/release-notices";

export interface InjectedCounts {
  calls: number;
  before: number;
  after: number;
}

export interface FaultInjector {
  enabled: boolean;
  readonly counts: Record<"SendMessageCommand" | "TransactWriteItemsCommand", InjectedCounts>;
}

const INJECTED = "injected fault";

/** Adds the injector to both clients; `rate` of the targeted calls fail, half before, half after. */
export const injectFaults = (
  clients: LocalClients,
  rate: number,
  random: () => number = Math.random,
): FaultInjector => {
  const injector: FaultInjector = {
    enabled: false,
    counts: {
      SendMessageCommand: { calls: 0, before: 0, after: 0 },
      TransactWriteItemsCommand: { calls: 0, before: 0, after: 0 },
    },
  };
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      const counts = injector.counts[context.commandName as keyof FaultInjector["counts"]];
      if (!injector.enabled || !counts) return next(args);
      counts.calls += 1;
      const draw = random();
      if (draw < rate / 2) {
        counts.before += 1;
        throw Object.assign(new Error(INJECTED), { name: "InjectedFault" });
      }
      const output = await next(args);
      if (draw < rate) {
        counts.after += 1;
        throw Object.assign(new Error(INJECTED), { name: "InjectedFault" });
      }
      return output;
    };
  // At "initialize", outside the SDK's retries: each injected fault reaches our code.
  for (const client of [clients.dynamodb, clients.sqs] as const) {
    (client.middlewareStack as { add(m: unknown, o: unknown): void }).add(middleware, {
      step: "initialize",
      name: "faultInjector",
    });
  }
  return injector;
};

export interface FaultRuntime {
  request(path: string, init?: RequestInit & { readonly token?: string }): Promise<Response>;
  token(request: { scope: string; sub?: string; municipality?: string }): Promise<string>;
  tick(): Promise<{ ok: boolean; queues: readonly { deadLetters: number; failed: number }[] }>;
}

export interface FaultFigures {
  readonly posted: number;
  /** Answers 500 to a post (an injected fault in the request): retried by the sender. */
  readonly serverErrors: number;
  readonly injected: FaultInjector["counts"];
  readonly referrals: number;
  readonly distinctReferralNotices: number;
  readonly reported: number | null;
  readonly outboxLeft: number;
  /** The most messages any dead-letter queue held: each a failure someone was alarmed about. */
  readonly deadLetters: number;
  /** Moved back to their queue by the operator's redrive (as docs/operations.md describes) and handled. */
  readonly redriven: number;
  /** Still dead-lettered after the redrive. */
  readonly deadLettersLeft: number;
  readonly consumerFailures: number;
  readonly ticks: number;
  readonly ms: number;
}

const json = { "content-type": "application/json" };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The i-th person: a distinct, valid personnummer for up to ~90,000 notices. */
const person = (i: number) => {
  const day = new Date(Date.UTC(1990, 0, 1 + Math.floor(i / 900)));
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  return personnummer(birth, String(100 + (i % 900)));
};

export const runFaultScenario = async (options: {
  readonly runtime: FaultRuntime;
  readonly injector: FaultInjector;
  /** Clients that the injector does not touch, to read the tables afterwards. */
  readonly clean: LocalClients;
  readonly tables: { readonly intake: string; readonly "release-notices": string };
  /** The consumers' queues and their dead-letter queues, for the operator's redrive. */
  readonly queues: readonly { readonly url: string; readonly deadLetterUrl: string }[];
  readonly notices: number;
  readonly concurrency?: number;
}): Promise<FaultFigures> => {
  const started = Date.now();
  const { runtime, injector } = options;
  const kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden" });
  let serverErrors = 0;
  const post = async (i: number) => {
    const body = JSON.stringify({
      noticeId: `KV-FAULT-${i}`,
      municipality: "0880",
      person: { personalIdentityNumber: person(i).thirteen },
      institution: "Anstalten Kumla",
      expectedReleaseDate: "2027-04-15",
      releaseType: "conditional",
      needs: ["housing"],
      contact: CONTACT,
    });
    // As Kriminalvården's client would: the same notice again until it is received (201, or 200 when
    // a previous attempt was committed but its answer lost).
    for (let attempt = 1; attempt <= 20; attempt++) {
      const status = (
        await runtime.request("/v1/release-notices", { method: "POST", token: kv, headers: json, body })
      ).status;
      if (status === 201 || status === 200) return;
      if (status !== 500) throw new Error(`notice ${i}: unexpected ${status}`);
      serverErrors += 1;
    }
    throw new Error(`notice ${i}: not received after 20 attempts`);
  };
  injector.enabled = true;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      while (next < options.notices) await post(next++);
    }),
  );
  // Consumers under the same faults: failed records go back to their queue and come again.
  let deadLetters = 0;
  let consumerFailures = 0;
  let ticks = 0;
  const tick = async () => {
    const summary = await runtime.tick();
    ticks += 1;
    for (const q of summary.queues) consumerFailures += q.failed;
    deadLetters = Math.max(deadLetters, ...summary.queues.map((q) => q.deadLetters));
  };
  await tick();
  injector.enabled = false;
  // The outbox sweep leaves rows younger than 30 s to the request that wrote them.
  await pause(31_000);
  const doc = documentClient(options.clean.dynamodb);
  const outboxRows = async () => {
    let rows = 0;
    for (const table of Object.values(options.tables)) {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :p",
          ExpressionAttributeValues: { ":p": outboxKeys.pendingPartition },
        }),
      );
      rows += out.Items?.length ?? 0;
    }
    return rows;
  };
  for (let round = 0; round < 5; round++) {
    await tick();
    if ((await outboxRows()) === 0) break;
  }
  await tick();

  // Under 30% faults on every write a message can fail all its receives: it waits in its
  // dead-letter queue, alarmed, and the operator redrives it once the faults are over.
  const redrive = async (): Promise<number> => {
    let moved = 0;
    for (const queue of options.queues) {
      for (;;) {
        const out = await options.clean.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queue.deadLetterUrl,
            MaxNumberOfMessages: 10,
            MessageAttributeNames: ["All"],
            WaitTimeSeconds: 0,
          }),
        );
        const messages = out.Messages ?? [];
        if (messages.length === 0) break;
        for (const message of messages) {
          await options.clean.sqs.send(
            new SendMessageCommand({
              QueueUrl: queue.url,
              MessageBody: message.Body ?? "",
              ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
            }),
          );
          await options.clean.sqs.send(
            new DeleteMessageCommand({ QueueUrl: queue.deadLetterUrl, ReceiptHandle: message.ReceiptHandle }),
          );
          moved += 1;
        }
      }
    }
    return moved;
  };
  const redriven = await redrive();
  if (redriven > 0) await tick();
  const deadLettersLeft = await redrive();

  const noticeIds: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new ScanCommand({
        TableName: options.tables.intake,
        FilterExpression: "sk = :ref",
        ExpressionAttributeValues: { ":ref": "REF" },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      const source = item.source as { id?: unknown } | undefined;
      noticeIds.push(String(source?.id ?? item.id));
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);

  const socialstyrelsen = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
  const answer = await runtime.request("/v1/reports/pilot?municipality=0880&from=2026-11&to=2026-11", {
    token: socialstyrelsen,
  });
  const report = reportSchema.parse(await answer.json());
  const received = report.municipalities[0]?.months[0]?.metrics["release-notices-received"];
  return {
    posted: options.notices,
    serverErrors,
    injected: injector.counts,
    referrals: noticeIds.length,
    distinctReferralNotices: new Set(noticeIds).size,
    reported: received?.value ?? null,
    outboxLeft: await outboxRows(),
    deadLetters,
    redriven,
    deadLettersLeft,
    consumerFailures,
    ticks,
    ms: Date.now() - started,
  };
};
