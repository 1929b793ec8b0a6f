/**
 * `npm run bench`: latency of the release-notice POST against the local servers beside the raw
 * calls it needs, where the handler's own CPU goes, and each function's bundle size and cold load.
 * Prints figures only; it asserts nothing about them. Options:
 *
 *   --requests N        measured requests per path and concurrency (default 1000)
 *   --warmup N          warm-up requests per path and concurrency (default 100)
 *   --concurrency 1,16  concurrencies to measure (default 1,16)
 *   --http-requests N   requests through the local HTTP server per concurrency; 0 skips it (default 500)
 *   --load-runs N       fresh processes per bundle for the load time (default 7)
 *   --top N             the handler's costliest functions to list from the CPU profile (default 12)
 *   --skip-bundles, --skip-latency
 *   --skip intake,hotline,pilot-reports,worklists,faults,cold,local   leave out the other benches (each starts its own servers;
 *                       worklists: 1,000 vs 100,000 stored, which takes a while to seed;
 *                       faults: 1,000 notices while 30% of writes and sends fail;
 *                       local: 300 notices, the runtime killed and stopped mid-load, restarted)
 *   --json PATH         also write the figures as JSON to PATH (nothing is written otherwise)
 *
 * `npm run bench -- cold [ids…]` runs only the cold-start bench (cold.ts) for every function, or for
 * the functions and services named; `--cold-runs N` processes per function (default 7), `--cold-warm N`
 * warm requests per process (default 5), `--cold-profile DIR` a V8 CPU profile of every process in
 * DIR/<function id>/ (DIR/floor/ for the floor's). In the full bench it runs last; `--skip cold` leaves it out.
 */

import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type BundleReport, measureBundles } from "./bundles";
import { runColdBench } from "./cold";
import { runFaultBench } from "./faults";
import { runHotlineWebhookBench } from "./hotline-webhook";
import { runIntakeSweepBench } from "./intake-sweep";
import { runLocalCrashBench } from "./local-crash";
import { runPilotReportBench } from "./pilot-report";
import { type LatencyReport, measureLatency } from "./release-notice-latency";
import { report } from "./report";
import { runWorklistBench } from "./worklists";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    requests: { type: "string", default: "1000" },
    warmup: { type: "string", default: "100" },
    concurrency: { type: "string", default: "1,16" },
    "load-runs": { type: "string", default: "7" },
    "http-requests": { type: "string", default: "500" },
    "skip-bundles": { type: "boolean", default: false },
    "skip-latency": { type: "boolean", default: false },
    skip: { type: "string", default: "" },
    top: { type: "string", default: "12" },
    json: { type: "string" },
    "cold-runs": { type: "string", default: "7" },
    "cold-warm": { type: "string", default: "5" },
    "cold-profile": { type: "string" },
  },
});

const positive = (text: string | undefined, name: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const requests = positive(args.requests, "requests");
const warmup = Number(args.warmup ?? 0);
const concurrencies = (args.concurrency ?? "1,16").split(",").map((c) => positive(c, "concurrency"));
const loadRuns = positive(args["load-runs"], "load-runs");
const topFunctions = Number(args.top ?? 0);
const httpRequests = Number(args["http-requests"] ?? 0);
const loadAtStart = loadavg();
const cold = async () =>
  (
    await runColdBench({
      runs: positive(args["cold-runs"], "cold-runs"),
      warm: Number(args["cold-warm"] ?? 0),
      only: positionals.slice(1),
      progress,
      ...(args["cold-profile"] ? { profileDir: resolve(args["cold-profile"]) } : {}),
    })
  ).text;

// performance.now() counts from the process's start, so this includes loading the modules.
const elapsed = () => `${(performance.now() / 1000).toFixed(1)} s`;
const writeStderr = process.stderr.write.bind(process.stderr);
/** Progress goes to stderr, past the muting of the handler's logs. */
const progress = (message: string) => writeStderr(`[${elapsed()}] ${message}\n`);

if (positionals[0] === "cold") {
  process.stdout.write(`${await cold()}\n`);
  process.exit(0);
}
if (positionals.length > 0) throw new Error(`unknown bench entry ${positionals[0]}: the only one is cold`);

let bundles: BundleReport | undefined;
let latency: LatencyReport | undefined;
// Bundles first: their load times are measured while no server competes for the two cores.
if (!args["skip-bundles"]) {
  progress("bundling and timing cold loads");
  bundles = await measureBundles(loadRuns, progress);
}
if (!args["skip-latency"]) {
  latency = await measureLatency({ requests, warmup, concurrencies, httpRequests, progress });
}

process.stdout.write(
  `${report(latency, bundles, { requests, warmup, httpRequests, topFunctions, loadAtStart })}\n`,
);

// The other services' benches, each against servers of its own, after the release-notice one.
const skipped = new Set(args.skip.split(",").map((name) => name.trim()));
if (!skipped.has("intake")) process.stdout.write(`\n${await runIntakeSweepBench()}\n`);
if (!skipped.has("hotline")) process.stdout.write(`\n${await runHotlineWebhookBench(progress)}\n`);
if (!skipped.has("pilot-reports")) process.stdout.write(`\n${await runPilotReportBench()}\n`);
if (!skipped.has("worklists")) process.stdout.write(`\n${await runWorklistBench({ progress })}\n`);
// Prints its own figures, and throws if a notice was lost or doubled.
if (!skipped.has("faults")) await runFaultBench();
if (!skipped.has("cold")) process.stdout.write(`\n${await cold()}\n`);
// Last: it starts the whole runtime as a process group and kills it, twice.
if (!skipped.has("local")) await runLocalCrashBench({ notices: 300, concurrency: 16 }, progress);
if (args.json) {
  const serialise = (key: string, value: unknown) => {
    if (value instanceof Map) return Object.fromEntries(value);
    // The captured requests themselves are bulky; their shape is what matters.
    if (key === "templates" && latency)
      return { sequence: latency.templates.sequence, bytes: latency.templates.bytes };
    if (key === "functions" && Array.isArray(value) && value.length > 50) return value.slice(0, 50);
    return value;
  };
  writeFileSync(
    args.json,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, latency, bundles }, serialise, 2)}\n`,
  );
  progress(`wrote ${args.json}`);
}
