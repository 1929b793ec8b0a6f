/**
 * Integration tests run against the DynamoDB Local and fauxqs that global-setup.ts starts once per
 * run. Each test file (or test) provisions its own tables and queues under a unique prefix, so
 * files run in parallel without seeing each other's data.
 */
import { randomBytes } from "node:crypto";
import { DeleteMessageBatchCommand, type Message, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { inject } from "vitest";
import { type LocalClients, type LocalEndpoints, localClients } from "../../infra/local/aws";
import { queueDepth as depthOf, type QueueDepth } from "../../infra/local/poller";
import { type ProvisionedResources, provisionLocalResources } from "../../infra/local/provision";
import { SettableClock } from "../../shared/clock";
import { QUEUES, type QueueDefinition, type ServiceName, TABLES } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";

export type { QueueDepth } from "../../infra/local/poller";

export const localEndpointsFromInject = (): LocalEndpoints => ({
  dynamodbEndpoint: inject("dynamodbEndpoint"),
  sqsEndpoint: inject("sqsEndpoint"),
});

let clients: LocalClients | undefined;
/** One pair of clients per test worker. */
export const localClientsFromInject = (): LocalClients => {
  clients ??= localClients(localEndpointsFromInject());
  return clients;
};

/** Short enough for SQS's 80-character names with the service and `-dlq` after it. */
export const uniquePrefix = (): string => `t${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** A RuntimeConfig whose clock the test can pin (`runtime.clock.set(...)`). */
export type TestRuntimeConfig = RuntimeConfig & { readonly clock: SettableClock };

export interface TestResources extends ProvisionedResources {
  readonly clients: LocalClients;
  /** What a service's `createDeps` gets: its table, every queue URL, the development keys, a settable clock. */
  testRuntime(
    service: ServiceName,
    options?: { readonly clock?: SettableClock; readonly publicBaseUrl?: string },
  ): TestRuntimeConfig;
}

export interface ProvisionForTestOptions {
  /**
   * Changes to a queue's definition for this test only, e.g. `{ intake: { visibilityTimeoutSeconds: 1,
   * maxReceiveCount: 2 } }` to watch redrive in seconds instead of minutes.
   */
  readonly queueOverrides?: Readonly<Partial<Record<ServiceName, Partial<Omit<QueueDefinition, "service">>>>>;
}

/**
 * Tables for `services` (default: all) and every queue with its dead-letter queue (producers fan out
 * to all consumers' queues, so a producer's test needs them all), under a fresh prefix.
 */
export const provisionForTest = async (
  services?: readonly ServiceName[],
  options: ProvisionForTestOptions = {},
): Promise<TestResources> => {
  const local = localClientsFromInject();
  const tables = Object.values(TABLES).filter((t) => !services || services.includes(t.service));
  const queues = Object.values(QUEUES)
    .filter((q): q is QueueDefinition => q !== undefined)
    .map((q) => ({ ...q, ...options.queueOverrides?.[q.service] }));
  const resources = await provisionLocalResources(local, { prefix: uniquePrefix(), tables, queues });
  const keys = staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON));
  return {
    ...resources,
    clients: local,
    testRuntime(service, runtimeOptions = {}) {
      const tableName = resources.tables[service];
      if (!tableName) throw new Error(`provisionForTest was not asked for ${service}'s table`);
      return {
        service,
        clock: runtimeOptions.clock ?? new SettableClock(),
        dynamodb: local.dynamodb,
        sqs: local.sqs,
        tableName,
        auditTableName: resources.auditTable,
        queueUrls: resources.queueUrls,
        keys,
        ...(runtimeOptions.publicBaseUrl ? { publicBaseUrl: runtimeOptions.publicBaseUrl } : {}),
      };
    },
  };
};

export const queueDepth = (queueUrl: string): Promise<QueueDepth> =>
  depthOf(localClientsFromInject().sqs, queueUrl);

/**
 * Every message visible now, with all attributes. Deleted by default, so the next look starts
 * empty; with `deleteMessages: false` they stay in flight until their visibility timeout.
 */
export const receiveAll = async (
  queueUrl: string,
  options: { readonly deleteMessages?: boolean; readonly waitTimeSeconds?: number } = {},
): Promise<Message[]> => {
  const { sqs } = localClientsFromInject();
  const all: Message[] = [];
  for (let first = true; ; first = false) {
    const { Messages: messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: first ? (options.waitTimeSeconds ?? 0) : 0,
        AttributeNames: ["All"],
        MessageSystemAttributeNames: ["All"],
        MessageAttributeNames: ["All"],
      }),
    );
    if (messages.length === 0) return all;
    all.push(...messages);
    if (options.deleteMessages ?? true) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
        }),
      );
    }
  }
};

/** The bodies of receiveAll, parsed as JSON (validate them with the event's zod schema). */
export const receiveJson = async (
  queueUrl: string,
  options?: { readonly deleteMessages?: boolean; readonly waitTimeSeconds?: number },
): Promise<unknown[]> =>
  (await receiveAll(queueUrl, options)).map((m): unknown => JSON.parse(m.Body ?? "null"));
