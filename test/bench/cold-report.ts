/**
 * The cold bench's table (cold.ts): each function's row beside the floor and the raw replay, the
 * goal line of issue 15, and the largest parts of each bundle.
 */
import { STACK_ID } from "./cold-build";
import { kib, median, medianInterval, ms, ratio, table } from "./stats";

export interface ColdRow {
  readonly id: string;
  readonly bytes: number;
  readonly loadMs: number;
  readonly firstAnswerMs: number;
  readonly floorLoadMs: number;
  readonly floorFirstAnswerMs: number;
  /** The same as CPU time of the process (user + system). */
  readonly loadCpuMs: number;
  readonly firstAnswerCpuMs: number;
  readonly floorLoadCpuMs: number;
  readonly floorFirstAnswerCpuMs: number;
  readonly warmCpuMs: number;
  readonly floorWarmCpuMs: number;
  /** The same requests sent by the bare SDK in a process of its own (cold-raw.ts): CPU, first answer and warm. */
  readonly rawFirstAnswerCpuMs: number;
  readonly rawWarmCpuMs: number;
  /**
   * Per process, by CPU: its load and first answer to the floor process's right before it, its
   * first answer to the raw process's right after it, and that raw process's to the floor's: the
   * samples the goal line reads its intervals from.
   */
  readonly cpuRatios: {
    readonly load: readonly number[];
    readonly firstAnswer: readonly number[];
    readonly toRaw: readonly number[];
    readonly rawToFloor: readonly number[];
  };
  /** Requests of the first answer the raw replay could not send (no JSON protocol: the mail's). */
  readonly unreplayed: number;
  readonly outcome: string;
  /** The requests its first answer sent, by server (`DynamoDB 3, SQS 1`): the floor's sends one. */
  readonly firstRequests: string;
  readonly composition: string;
  /**
   * A function that may run with provisioned concurrency, initialised as Lambda initialises it for
   * that (AWS_LAMBDA_INITIALIZATION_TYPE): the load with its warm-up, and the first call after it
   * (the first answer less the load, per process), beside the first call after an on-demand load.
   */
  readonly provisioned?: {
    readonly initMs: number;
    readonly initCpuMs: number;
    readonly firstCallMs: number;
    readonly firstCallCpuMs: number;
    readonly onDemandFirstCallMs: number;
    readonly onDemandFirstCallCpuMs: number;
    readonly firstRequests: string;
  };
}

/** Issue 15's goals, by CPU: load and first answer within 1.3x the floor's, at most about 450 KiB. */
const GOAL = { ratio: 1.3, kib: 450 };

/**
 * How many functions are within the goal's ratio and how many over it, each also counted only where
 * the interval of its median (medianInterval, over its processes) lies wholly on that side: a
 * function's median of a few processes moves by some tenths between runs on a shared machine, and
 * a count of medians alone moves with it.
 */
const clearSides = (rows: readonly ColdRow[], samples: (r: ColdRow) => readonly number[]): string => {
  const intervals = rows.map((r) => ({ id: r.id, ...medianInterval(samples(r)) }));
  const confidence = Math.min(...intervals.map((i) => i.confidence));
  const within = intervals.filter((i) => i.high <= GOAL.ratio).length;
  const over = intervals.filter((i) => i.low > GOAL.ratio).map((i) => i.id);
  // Few enough to name: the functions a reader would look at first.
  const named = over.length > 0 && over.length <= 10 ? `: ${over.join(", ")}` : "";
  return `${within} clearly within and ${over.length} clearly over${named} (the median's ${(confidence * 100).toFixed(0)}% interval wholly on that side)`;
};

const goalLines = (rows: readonly ColdRow[]): string[] => {
  if (rows.length === 0) return [];
  const summary = (label: string, ratios: number[], samples: (r: ColdRow) => readonly number[]) => {
    const sorted = [...ratios].sort((a, b) => a - b);
    const within = sorted.filter((r) => r <= GOAL.ratio).length;
    return `${label} ${sorted[0]?.toFixed(2)}-${sorted.at(-1)?.toFixed(2)}x (median ${median(sorted).toFixed(2)}x), ${within} of ${sorted.length} within ${GOAL.ratio}x, ${clearSides(rows, samples)}`;
  };
  const small = rows.filter((r) => r.bytes / 1024 <= GOAL.kib).length;
  return [
    `goal (issue 15), by CPU: ${summary(
      "load",
      rows.map((r) => r.loadCpuMs / r.floorLoadCpuMs),
      (r) => r.cpuRatios.load,
    )}; ${summary(
      "first answer",
      rows.map((r) => r.firstAnswerCpuMs / r.floorFirstAnswerCpuMs),
      (r) => r.cpuRatios.firstAnswer,
    )}; ${small} of ${rows.length} bundles within ${GOAL.kib} KiB`,
    `the first answer against the same requests made raw, by CPU: ${summary(
      "first answer",
      rows.map((r) => r.firstAnswerCpuMs / r.rawFirstAnswerCpuMs),
      (r) => r.cpuRatios.toRaw,
    )}`,
    `the same requests made raw against the floor, by CPU, which no code of ours is in: ${summary(
      "first answer",
      rows.map((r) => r.rawFirstAnswerCpuMs / r.floorFirstAnswerCpuMs),
      (r) => r.cpuRatios.rawToFloor,
    )}`,
  ];
};

/** The functions that may run with provisioned concurrency, initialised for it: what a first caller waits for. */
const provisionedLines = (rows: readonly ColdRow[]): string[] => {
  const measured = rows.flatMap((r) => (r.provisioned ? [{ id: r.id, p: r.provisioned }] : []));
  if (measured.length === 0) return [];
  return [
    "",
    "with provisioned concurrency: a process of its own per run with AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency, " +
      "whose module warms up as it loads (shared/runtime/lambda.ts warmedHandler), before any call. " +
      "init: the load with the warm-up, on no caller's clock; first call: the first answer less the load, per process: " +
      "what the first caller an environment serves waits for, beside the same after an on-demand load",
    table(
      [
        "function",
        "init ms",
        "CPU",
        "first call ms",
        "CPU",
        "on demand: first call ms",
        "CPU",
        "first call's requests",
      ],
      measured.map(({ id, p }) => [
        id,
        ms(p.initMs, 1),
        ms(p.initCpuMs, 1),
        ms(p.firstCallMs, 1),
        ms(p.firstCallCpuMs, 1),
        ms(p.onDemandFirstCallMs, 1),
        ms(p.onDemandFirstCallCpuMs, 1),
        p.firstRequests,
      ]),
    ),
  ];
};

export const render = (
  rows: readonly ColdRow[],
  meta: { runs: number; warm: number; warnings: number; floorBytes: number; secretFetches: number },
) => {
  const floorLoad = median(rows.map((r) => r.floorLoadMs));
  const floorFirst = median(rows.map((r) => r.floorFirstAnswerMs));
  const floorCpu = median(rows.map((r) => r.floorWarmCpuMs));
  const floorLoadCpu = median(rows.map((r) => r.floorLoadCpuMs));
  const floorFirstCpu = median(rows.map((r) => r.floorFirstAnswerCpuMs));
  const lines = [
    "cold starts: each function bundled as the CDK bundles it, in fresh node processes, beside the floor",
    `floor: the project's SDK, DynamoDB + SQS clients built at load, one GetItem: ${kib(meta.floorBytes)} KiB, load ${ms(floorLoad, 1)} ms (CPU ${ms(floorLoadCpu, 1)}), first answer ${ms(floorFirst, 1)} ms (CPU ${ms(floorFirstCpu, 1)}), warm CPU ${ms(floorCpu)} ms (medians over every run)`,
    "CPU x floor: the same ratios of the process's own CPU time (user + system), which the other processes on the shared cores disturb far less than the wall clock",
    `median of ${meta.runs} processes each; a floor process right before each; ratios to the floor samples taken beside it; warm CPU: median over ${meta.warm} requests per process (user + system, SDK included); esbuild warnings: ${meta.warnings}`,
    `secrets from a local Secrets Manager (test/support/fake-secrets-manager.ts), as deployed: ${meta.secretFetches} GetSecretValue answered in all`,
    `${STACK_ID}: the floor plus the fixed stack's libraries, none of our code (cold-stack.ts): the part of a ratio that is the stack's`,
    "x raw: to a process of the bare SDK (cold-raw.ts) that sends the operations the function's first answer sent, with the same inputs, answered as they were (recorded once through a proxy; cold-raw-replay.ts), a raw process right after each function's: what our code adds to the requests it needs",
    ...goalLines(rows.filter((r) => r.id !== STACK_ID)),
    "",
    table(
      [
        "function",
        "KiB",
        "load ms",
        "x floor",
        "first ms",
        "x floor",
        "CPU x floor: load",
        "first",
        "first CPU x raw",
        "warm CPU ms",
        "- floor",
        "- raw",
        "answer",
        "first answer's requests",
      ],
      rows.map((r) => [
        r.id,
        kib(r.bytes),
        ms(r.loadMs, 1),
        ratio(r.loadMs, r.floorLoadMs),
        ms(r.firstAnswerMs, 1),
        ratio(r.firstAnswerMs, r.floorFirstAnswerMs),
        ratio(r.loadCpuMs, r.floorLoadCpuMs),
        ratio(r.firstAnswerCpuMs, r.floorFirstAnswerCpuMs),
        ratio(r.firstAnswerCpuMs, r.rawFirstAnswerCpuMs),
        ms(r.warmCpuMs),
        ms(r.warmCpuMs - r.floorWarmCpuMs),
        ms(r.warmCpuMs - r.rawWarmCpuMs),
        r.outcome,
        r.unreplayed ? `${r.firstRequests} (${r.unreplayed} not replayed raw)` : r.firstRequests,
      ]),
    ),
    ...provisionedLines(rows),
    "",
    "largest parts of each bundle (KiB, minified):",
    ...rows.map((r) => `  ${r.id}: ${r.composition}`),
  ];
  return lines.join("\n");
};
