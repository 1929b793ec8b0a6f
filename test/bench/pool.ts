import { type Summary, summarize } from "./stats";
import type { Workload } from "./workloads";

export interface BlockResult {
  readonly samples: number[];
  readonly wallMs: number;
  readonly errors: number;
}

/**
 * Runs requests [from, from+count) of a workload through a fixed pool of `concurrency` async
 * workers, each taking the next index when its request ends. Latency per request in ms.
 */
export const runBlock = async (
  workload: Workload,
  from: number,
  count: number,
  concurrency: number,
): Promise<BlockResult> => {
  workload.prepare(from, count);
  const samples: number[] = [];
  let next = 0;
  let errors = 0;
  const worker = async () => {
    for (let k = next++; k < count; k = next++) {
      const started = process.hrtime.bigint();
      let ok = false;
      try {
        ok = await workload.run(from + k);
      } catch {
        ok = false;
      }
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!ok) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return { samples, wallMs: performance.now() - started, errors };
};

export interface Comparison {
  readonly concurrency: number;
  readonly results: ReadonlyMap<string, Summary>;
}

/**
 * Measures several workloads at one concurrency in alternating blocks (A B, B A, A B, ...), so
 * that drift (a growing table, JIT, a busy neighbour) falls on all of them alike. Warm-up first.
 */
export const compare = async (
  workloads: readonly Workload[],
  options: {
    readonly concurrency: number;
    readonly requests: number;
    readonly warmup: number;
    readonly blocks: number;
    /** Index counters per workload, so ids stay unique across calls. */
    readonly cursor: Map<string, number>;
    readonly between?: () => Promise<void>;
    /** Fewer (or more) requests for some workloads than `requests`, by name. */
    readonly requestsOf?: ReadonlyMap<string, number>;
    readonly progress?: (message: string) => void;
  },
): Promise<Comparison> => {
  const take = (workload: Workload, count: number) => {
    const from = options.cursor.get(workload.name) ?? 0;
    options.cursor.set(workload.name, from + count);
    return from;
  };
  const requestsOf = (w: Workload) => options.requestsOf?.get(w.name) ?? options.requests;
  const warmupOf = (w: Workload) => Math.min(options.warmup, requestsOf(w));
  for (const workload of workloads) {
    if (warmupOf(workload) > 0) {
      await runBlock(workload, take(workload, warmupOf(workload)), warmupOf(workload), options.concurrency);
    }
  }
  for (const workload of workloads) workload.reset?.();
  const collected = new Map(
    workloads.map((w) => [w.name, { samples: [] as number[], wallMs: 0, errors: 0 }]),
  );
  for (let block = 0; block < options.blocks; block++) {
    const order = block % 2 === 0 ? workloads : [...workloads].reverse();
    for (const workload of order) {
      await options.between?.();
      const perBlock = Math.ceil(requestsOf(workload) / options.blocks);
      const result = await runBlock(workload, take(workload, perBlock), perBlock, options.concurrency);
      const into = collected.get(workload.name);
      if (!into) continue;
      into.samples.push(...result.samples);
      into.wallMs += result.wallMs;
      into.errors += result.errors;
      options.progress?.(
        `  c=${options.concurrency} block ${block + 1}/${options.blocks} ${workload.name}: ${result.samples.length} in ${(result.wallMs / 1000).toFixed(1)} s`,
      );
    }
  }
  return {
    concurrency: options.concurrency,
    results: new Map([...collected].map(([name, c]) => [name, summarize(c.samples, c.wallMs, c.errors)])),
  };
};
