/**
 * The SDK's share of a warm create, apart from ours. Issue 15's goal for the warm path counts the
 * handler's own CPU "beyond the SDK's"; the raw replay (workloads.ts) sends pre-marshalled inputs,
 * so the handler less it also holds the document client's marshalling, which is the SDK's, and a
 * sampled profile inflates small functions. Here every command the handler sends is captured as
 * the handler built it (a document-client command with its plain input, an SQS command) and sent
 * again through clients on the same stubs: the handler's CPU less this replay's is ours alone.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { LocalClients } from "../../infra/local/aws";
import { documentClient } from "../../shared/dynamo";
import { median, percentile } from "./stats";
import type { Workload } from "./workloads";

type ClientKind = "document" | "dynamodb" | "sqs";

interface Sendable {
  send(command: unknown): Promise<unknown>;
}

/** One command as the handler sent it: which client, the command's class, its input. */
export interface SentCommand {
  readonly client: ClientKind;
  readonly make: new (input: unknown) => unknown;
  readonly input: unknown;
}

const kindOf = (client: unknown): ClientKind => {
  // The document client is checked first: it is no DynamoDBClient, but shares its config.
  if (client instanceof DynamoDBDocumentClient) return "document";
  if (client instanceof DynamoDBClient) return "dynamodb";
  if (client instanceof SQSClient) return "sqs";
  throw new Error("a command went to a client the replay does not build");
};

/**
 * The commands of request `index` of a workload. Every SDK client's `send` is the same smithy
 * `Client.prototype.send` (the document client's too), so wrapping it once sees them all; it is
 * restored before this returns.
 */
export const captureCommands = async (workload: Workload, index: number): Promise<SentCommand[]> => {
  const proto = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (...args: unknown[]) => unknown };
  const original = proto.send;
  const captured: SentCommand[] = [];
  proto.send = function (this: unknown, ...args: unknown[]) {
    const command = args[0] as { constructor: SentCommand["make"]; input: unknown };
    captured.push({ client: kindOf(this), make: command.constructor, input: structuredClone(command.input) });
    return original.apply(this, args);
  };
  try {
    workload.prepare(index, 1);
    if (!(await workload.run(index))) throw new Error(`captured request failed: ${workload.firstError}`);
  } finally {
    proto.send = original;
  }
  return captured;
};

/**
 * The captured commands sent through the SDK alone, one after another, on clients over the given
 * stubs (the document client built as the services build theirs, shared/dynamo.ts). The handler
 * sends its SQS messages in parallel; on stubs that changes no CPU.
 */
export const sdkReplayWorkload = (name: string, clients: LocalClients, commands: readonly SentCommand[]) => {
  const byKind: Record<ClientKind, Sendable> = {
    document: documentClient(clients.dynamodb) as unknown as Sendable,
    dynamodb: clients.dynamodb as unknown as Sendable,
    sqs: clients.sqs as unknown as Sendable,
  };
  let prepared: { from: number; inputs: unknown[][] } = { from: 0, inputs: [] };
  const workload: Workload & { firstError?: string } = {
    name,
    prepare(from, count) {
      // Fresh inputs per request, copied outside the timing; the commands are built in the request,
      // as the handler builds its own.
      const inputs = [];
      for (let i = 0; i < count; i++) inputs.push(commands.map((c) => structuredClone(c.input)));
      prepared = { from, inputs };
    },
    async run(i) {
      const inputs = prepared.inputs[i - prepared.from];
      if (!inputs) throw new Error(`request ${i} was not prepared`);
      try {
        for (const [k, c] of commands.entries()) await byKind[c.client].send(new c.make(inputs[k]));
        return true;
      } catch (error) {
        workload.firstError ??= error instanceof Error ? error.name : String(error);
        return false;
      }
    },
  };
  return workload;
};

/** CPU per request (user + system, all of the process's threads), in ms. */
export interface PairedCpu {
  readonly pairs: number;
  readonly perBlock: number;
  /** Median CPU per request of each workload's blocks. */
  readonly medians: ReadonlyMap<string, number>;
  /** Per workload after the first: the first's CPU less its, median and quartiles of the block pairs. */
  readonly differences: ReadonlyMap<
    string,
    { readonly median: number; readonly q1: number; readonly q3: number }
  >;
  readonly errors: number;
}

/**
 * process.cpuUsage over whole blocks, the workloads taking turns in an order that rotates each
 * round, and each difference taken within a round: drift and a busy neighbour fall on both sides
 * of a difference alike, and no profiler runs. Concurrency 1.
 */
export const pairedCpu = async (
  workloads: readonly Workload[],
  options: { readonly rounds: number; readonly perBlock: number; readonly cursor: Map<string, number> },
): Promise<PairedCpu> => {
  const samples = new Map<string, number[]>(workloads.map((w) => [w.name, []]));
  let errors = 0;
  for (let round = 0; round < options.rounds; round++) {
    const order = workloads.map((_, k) => workloads[(k + round) % workloads.length] as Workload);
    for (const w of order) {
      const from = options.cursor.get(w.name) ?? 0;
      options.cursor.set(w.name, from + options.perBlock);
      w.prepare(from, options.perBlock);
      const started = process.cpuUsage();
      for (let i = from; i < from + options.perBlock; i++) if (!(await w.run(i))) errors += 1;
      const used = process.cpuUsage(started);
      samples.get(w.name)?.push((used.user + used.system) / 1000 / options.perBlock);
    }
  }
  const [first, ...rest] = workloads;
  const base = samples.get(first?.name ?? "") ?? [];
  return {
    pairs: options.rounds,
    perBlock: options.perBlock,
    medians: new Map([...samples].map(([name, xs]) => [name, median(xs)])),
    differences: new Map(
      rest.map((w) => {
        const other = samples.get(w.name) ?? [];
        const d = base.map((x, k) => x - (other[k] ?? Number.NaN)).sort((a, b) => a - b);
        return [w.name, { median: percentile(d, 50), q1: percentile(d, 25), q3: percentile(d, 75) }];
      }),
    ),
    errors,
  };
};
