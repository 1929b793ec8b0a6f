/**
 * Issue 17 as an operator tried it: Kriminalvården posts release notices, `concurrency` at a time,
 * to `npm start`; part way (once half were answered 201) the runtime is killed outright (SIGKILL to
 * its process group) or stopped (SIGTERM); it starts again on the same data and ports,
 * Kriminalvården retries every notice, the sweeps run (POST /_local/tick), and intake's referrals
 * are counted through its API. Prints the counts and the times; asserts nothing.
 *
 *   node --import tsx test/bench/local-crash.ts [--notices 300] [--concurrency 16] [--signals SIGKILL,SIGTERM]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type PostOutcome,
  postNotices,
  type RuntimeProcess,
  releaseNotices,
  releaseReferralSources,
  startRuntimeProcess,
  tick,
  tokensFor,
} from "../integration/local/support/runtime-process";
import { table } from "./stats";

export interface LocalCrashBenchOptions {
  readonly notices: number;
  readonly concurrency: number;
  /** How the runtime is ended part way. Default both, one run each. */
  readonly signals?: readonly ("SIGKILL" | "SIGTERM")[];
}

export interface LocalCrashRun {
  readonly signal: "SIGKILL" | "SIGTERM";
  readonly notices: number;
  /** Answered 201 before the runtime went away. */
  readonly createdBefore: number;
  /** Messages the restart found in the journal and put back into the queues. */
  readonly restoredMessages: number;
  /** The retry's answers: 200 (already had it), 201 (new to it), anything else. */
  readonly retry: { readonly ok200: number; readonly created201: number; readonly other: number };
  readonly referrals: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly startMs: number;
  readonly restartToReadyMs: number;
  readonly restartToLastReferralMs: number;
}

const count = (outcomes: Iterable<PostOutcome>, wanted: PostOutcome): number =>
  [...outcomes].filter((o) => o === wanted).length;

const runOnce = async (
  signal: "SIGKILL" | "SIGTERM",
  options: LocalCrashBenchOptions,
  progress: (message: string) => void,
): Promise<LocalCrashRun> => {
  const dataDir = mkdtempSync(join(tmpdir(), "ny-riktning-local-crash-"));
  const running: RuntimeProcess[] = [];
  try {
    const notices = releaseNotices(options.notices, `bench${Date.now().toString(36)}`);
    let started = performance.now();
    const first = await startRuntimeProcess(dataDir);
    running.push(first);
    const startMs = performance.now() - started;
    const tokens = await tokensFor(dataDir);
    progress(`${signal}: started in ${Math.round(startMs)} ms; posting ${options.notices} notices`);

    let created = 0;
    const before = await postNotices(first.url, tokens.kriminalvarden, notices, {
      concurrency: options.concurrency,
      onAnswer: (_, outcome) => {
        if (outcome === 201 && ++created === Math.ceil(options.notices / 2)) first.signal(signal);
      },
    });
    await first.exited;
    progress(`${signal}: ${count(before.values(), 201)} answered 201 before it went away; restarting`);

    started = performance.now();
    const second = await startRuntimeProcess(dataDir, { ports: first.ports });
    running.push(second);
    const restartToReadyMs = performance.now() - started;
    const restored = /(\d+) queued messages restored/.exec(second.output());
    const retried = await postNotices(second.url, tokens.kriminalvarden, notices, {
      concurrency: options.concurrency,
    });
    const ticked = await tick(second.url);
    // 504: the backlog took longer than tick's 30 s to drain; the background pollers go on with it.
    if (ticked !== 200) progress(`${signal}: tick answered ${ticked}; waiting for the queues to drain`);
    const expected = new Set(notices.map((n) => n.noticeId));
    let sources = await releaseReferralSources(second.url, tokens.intakeStaff);
    const giveUpAt = Date.now() + 5 * 60_000;
    while ([...expected].some((id) => !sources.includes(id)) && Date.now() < giveUpAt) {
      await new Promise((r) => setTimeout(r, 250));
      sources = await releaseReferralSources(second.url, tokens.intakeStaff);
    }
    const restartToLastReferralMs = performance.now() - started;
    const seen = new Set(sources);
    second.signal("SIGTERM");
    await second.exited;
    return {
      signal,
      notices: options.notices,
      createdBefore: count(before.values(), 201),
      restoredMessages: Number(restored?.[1] ?? 0),
      retry: {
        ok200: count(retried.values(), 200),
        created201: count(retried.values(), 201),
        other: [...retried.values()].filter((o) => o !== 200 && o !== 201).length,
      },
      referrals: sources.length,
      missing: [...expected].filter((id) => !seen.has(id)).length,
      duplicates: sources.length - seen.size,
      startMs,
      restartToReadyMs,
      restartToLastReferralMs,
    };
  } finally {
    for (const runtime of running) runtime.signal("SIGKILL");
    await Promise.all(running.map((r) => r.exited));
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export const runLocalCrashBench = async (
  options: LocalCrashBenchOptions,
  progress: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): Promise<LocalCrashRun[]> => {
  const runs: LocalCrashRun[] = [];
  for (const signal of options.signals ?? ["SIGKILL", "SIGTERM"])
    runs.push(await runOnce(signal, options, progress));
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  process.stdout.write(
    [
      "",
      `Local runtime stopped part way through ${options.notices} release notices, ${options.concurrency} at a time, then restarted and retried`,
      "",
      table(
        [
          "stopped by",
          "201 before",
          "restored msgs",
          "retry 200/201/other",
          "referrals",
          "missing",
          "duplicates",
          "first start s",
          "restart→ready s",
          "restart→last referral s",
        ],
        runs.map((r) => [
          r.signal,
          String(r.createdBefore),
          String(r.restoredMessages),
          `${r.retry.ok200}/${r.retry.created201}/${r.retry.other}`,
          String(r.referrals),
          String(r.missing),
          String(r.duplicates),
          seconds(r.startMs),
          seconds(r.restartToReadyMs),
          seconds(r.restartToLastReferralMs),
        ]),
      ),
      "",
      '"restored msgs": queued messages the restart sent back from the journal (both queues; each notice fans out to intake and pilot-reports).',
      '"restart→last referral": from the restart until every notice is a referral (through the retry and one tick), or 5 minutes.',
      "",
    ].join("\n"),
  );
  return runs;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      notices: { type: "string", default: "300" },
      concurrency: { type: "string", default: "16" },
      signals: { type: "string", default: "SIGKILL,SIGTERM" },
    },
  });
  const signals = (values.signals ?? "").split(",").filter((s): s is "SIGKILL" | "SIGTERM" => {
    if (s === "SIGKILL" || s === "SIGTERM") return true;
    throw new Error("--signals takes SIGKILL and/or SIGTERM");
  });
  await runLocalCrashBench({
    notices: Number(values.notices),
    concurrency: Number(values.concurrency),
    signals,
  });
}
