import { cpus, loadavg, totalmem } from "node:os";
import { basename } from "node:path";
import { dynamoDbLocalDir } from "../../infra/local/aws";
import type { BundleReport } from "./bundles";
import type { Profile } from "./cpu";
import type { Comparison } from "./pool";
import { COMPONENT_ITERATIONS } from "./release-notice-components";
import { HANDLER, HTTP, type LatencyReport, RAW, SDK_REPLAY } from "./release-notice-latency";
import { kib, ms, ratio, table, us } from "./stats";

// performance.now() counts from the process's start, so this includes loading the modules.
const elapsed = () => `${(performance.now() / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Report

const header = (title: string) => `\n${title}\n${"=".repeat(title.length)}`;

const latencyRows = (comparisons: readonly Comparison[]) =>
  comparisons.flatMap((c) =>
    [HANDLER, RAW, HTTP].flatMap((name) => {
      const s = c.results.get(name);
      if (!s) return [];
      return [
        [
          PATH_LABELS[name] ?? name,
          String(c.concurrency),
          String(s.n),
          String(s.errors),
          ms(s.meanMs),
          ms(s.p50Ms),
          ms(s.p90Ms),
          ms(s.p99Ms),
          ms(s.minMs),
          ms(s.maxMs),
          s.perSecond.toFixed(0),
        ],
      ];
    }),
  );

const PATH_LABELS: Record<string, string> = {
  [HANDLER]: "handler (createHandler, in process)",
  [RAW]: "raw SDK calls (same sequence)",
  [HTTP]: "local HTTP server (JWT + HTTP + handler)",
};

const ratioRows = (comparisons: readonly Comparison[]) =>
  comparisons.map((c) => {
    const h = c.results.get(HANDLER);
    const r = c.results.get(RAW);
    const x = c.results.get(HTTP);
    if (!h || !r) return [String(c.concurrency), "-", "-", "-", "-", "-", "-"];
    return [
      String(c.concurrency),
      ratio(h.p50Ms, r.p50Ms),
      ratio(h.p99Ms, r.p99Ms),
      ratio(h.meanMs, r.meanMs),
      ms(h.p50Ms - r.p50Ms),
      x ? ratio(x.p50Ms, r.p50Ms) : "-",
      x ? ratio(x.p99Ms, r.p99Ms) : "-",
    ];
  });

const profileRows = (cpu: LatencyReport["cpu"]) => {
  const perReq = (profile: Profile) =>
    new Map(profile.categories.map((s) => [s.category, s.ms / cpu.profileRequests]));
  const h = perReq(cpu.handlerProfile);
  const r = perReq(cpu.rawProfile);
  const categories = [...new Set([...h.keys(), ...r.keys()])].sort(
    (a, b) => (h.get(b) ?? 0) - (r.get(b) ?? 0) - ((h.get(a) ?? 0) - (r.get(a) ?? 0)),
  );
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows = categories.map((c) => [
    c,
    us(h.get(c) ?? 0),
    us(r.get(c) ?? 0),
    us((h.get(c) ?? 0) - (r.get(c) ?? 0)),
  ]);
  rows.push(["total (sampled, excluding idle)", us(total(h)), us(total(r)), us(total(h) - total(r))]);
  return rows;
};

/** The paired blocks' figures: each workload's CPU per request and the handler's excess over each. */
const pairedLines = (cpu: LatencyReport["cpu"]): string[] => {
  const p = cpu.paired;
  const rows = [...p.medians].map(([name, median]) => {
    const d = p.differences.get(name);
    return [name, us(median), d ? us(d.median) : "", d ? `${us(d.q1)} to ${us(d.q3)}` : ""];
  });
  const ours = p.differences.get(SDK_REPLAY);
  return [
    header("CPU per warm request, beyond the SDK's (issue 15's goal: at most 300 us)"),
    `process.cpuUsage over blocks of ${p.perBlock} requests (all threads, no profiler), ${p.pairs} rounds taking turns; ` +
      "differences within each round, median and quartiles over the rounds. " +
      `"${SDK_REPLAY}": every command a warm request of the handler sent, as the handler built it ` +
      "(document client commands with their plain inputs, SQS commands), sent again on the same stubs " +
      "(sdk-replay.ts): the handler less it is our own code's CPU.",
    table(["path", "CPU us/request", "handler - this (median)", "quartiles"], rows),
    `ours beyond the SDK's: ${ours ? us(ours.median) : "?"} us per request (errors in the blocks: ${p.errors})`,
  ];
};

export interface ReportOptions {
  readonly requests: number;
  readonly warmup: number;
  readonly httpRequests: number;
  readonly topFunctions: number;
  readonly loadAtStart: number[];
}

export const report = (
  latency: LatencyReport | undefined,
  bundles: BundleReport | undefined,
  options: ReportOptions,
): string => {
  const { requests, warmup, httpRequests, topFunctions, loadAtStart } = options;
  const cpu = cpus();
  const lines: string[] = [];
  lines.push("ny-riktning benchmark");
  lines.push(`date:    ${new Date().toISOString()}`);
  lines.push(
    `machine: ${cpu.length} x ${cpu[0]?.model.trim() ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${process.platform}/${process.arch}`,
  );
  lines.push(`node:    ${process.version} (Lambda runs node 22; bundles target node22)`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  lines.push(`load average (1, 5, 15 min): ${load(loadAtStart)} at start, ${load(loadavg())} at end`);
  if ((loadAtStart[0] ?? 0) > 0.5) {
    lines.push("note: the machine was busy when the bench started (other processes); figures are noisier");
  }

  if (latency) {
    const t = latency.templates;
    lines.push(
      header("POST /v1/release-notices: in-process handler vs the raw calls it needs (latency in ms)"),
    );
    lines.push(
      `servers: DynamoDB Local ${basename(dynamoDbLocalDir()).replace("dynamodb_local_", "")} (in memory, JVM -XX:TieredStopAtLevel=1 -XX:+UseSerialGC) and fauxqs, in one child process on 127.0.0.1`,
    );
    lines.push(
      `one request = ${t.sequence.map((s) => s.replace(/Command$/, "")).join(" -> ")} (the SendMessages in parallel)`,
    );
    lines.push(
      `raw replay: the captured marshalled inputs with fresh keys, plain DynamoDBClient/SQSClient: TransactWriteItems ${t.transact.TransactItems?.length ?? 0} puts (${kib(t.bytes.transact)} KiB) -> ${t.sends.length} x SendMessage (${kib(t.bytes.send)} KiB) -> BatchWriteItem (the outbox rows)`,
    );
    lines.push(
      `each path and concurrency: ${warmup} warm-up requests, then ${requests} measured (HTTP: ${httpRequests}) in 4 blocks per path, paths alternating; queues purged between blocks`,
    );
    lines.push(
      latency.httpNote
        ? `HTTP path ${latency.httpNote}`
        : "HTTP path: infra/local's server in this process (RS256 JWT check, API Gateway v2 event, the same handler), keep-alive node:http client in this process too",
    );
    lines.push(
      `handler log output: ${latency.logPerRequest.lines.toFixed(1)} lines, ${latency.logPerRequest.bytes.toFixed(0)} bytes per request, serialised then discarded; warnings/errors logged: ${latency.warnings.live}`,
    );
    lines.push("");
    lines.push(
      table(
        ["path", "conc", "n", "errors", "mean", "p50", "p90", "p99", "min", "max", "req/s"],
        latencyRows(latency.comparisons),
      ),
    );
    lines.push("");
    lines.push(
      table(
        ["conc", "handler/raw p50", "p99", "mean", "handler - raw p50 (ms)", "HTTP/raw p50", "p99"],
        ratioRows(latency.comparisons),
      ),
    );
    lines.push("aim: handler p50 within 2x the raw calls");
    lines.push(
      "at concurrency 16 every path is bound by DynamoDB Local (one JVM sharing the cores with this process); the CPU section below measures the handler's own cost directly",
    );
    lines.push("");
    lines.push("the raw sequence step by step (ms)");
    lines.push(
      table(
        ["step", "conc", "mean", "p50", "p99"],
        latency.steps.flatMap((st) =>
          (
            [
              ["TransactWriteItems", st.transact],
              [`${t.sends.length} x SendMessage (parallel)`, st.send],
              ["BatchWriteItem", st.remove],
            ] as const
          ).map(([name, x]) => [name, String(st.concurrency), ms(x.meanMs), ms(x.p50Ms), ms(x.p99Ms)]),
        ),
      ),
    );

    const c = latency.cpu;
    lines.push(
      header("CPU per request in this process, without I/O (SDK HTTP layer stubbed; concurrency 1)"),
    );
    lines.push(
      table(
        ["path", "n", "errors", "mean (us)", "p50 (us)", "p99 (us)"],
        [
          [
            "handler",
            String(c.handler.n),
            String(c.handler.errors),
            us(c.handler.meanMs),
            us(c.handler.p50Ms),
            us(c.handler.p99Ms),
          ],
          [
            "raw SDK calls",
            String(c.raw.n),
            String(c.raw.errors),
            us(c.raw.meanMs),
            us(c.raw.p50Ms),
            us(c.raw.p99Ms),
          ],
          [
            "handler - raw",
            "",
            "",
            us(c.handler.meanMs - c.raw.meanMs),
            us(c.handler.p50Ms - c.raw.p50Ms),
            "",
          ],
        ],
      ),
    );
    lines.push(`warnings/errors the handler logged on the stubs: ${latency.warnings.stub}`);
    lines.push(...pairedLines(c));
    lines.push("");
    lines.push(
      `where it goes: V8 CPU profile, self time per request (us), ${c.profileRequests} requests each`,
    );
    lines.push(table(["category", "handler", "raw", "handler - raw"], profileRows(c)));
    if (topFunctions > 0) {
      lines.push("");
      lines.push(`the handler's ${topFunctions} costliest functions by self time (us per request)`);
      lines.push(
        table(
          ["function", "category", "us/request"],
          c.handlerProfile.functions
            .slice(0, topFunctions)
            .map((f) => [f.name.slice(0, 90), f.category, us(f.ms / c.profileRequests)]),
          ["left", "left", "right"],
        ),
      );
    }
    lines.push("");
    lines.push(`components, each timed alone (${COMPONENT_ITERATIONS} calls)`);
    lines.push(
      table(
        ["component", "us/call", "calls/request", "us/request"],
        c.components.map((x) => [
          x.name,
          us(x.perCallMs),
          String(x.perRequest),
          us(x.perCallMs * x.perRequest),
        ]),
      ),
    );
    lines.push(
      `\nDynamoDB Local (pid ${latency.dynamodbPid}) after the run: ${latency.javaStopped ? "stopped" : "STILL RUNNING"}`,
    );
  }

  if (bundles) {
    lines.push(header("Functions: bundle size and cold load (fresh node process per load, median)"));
    lines.push(
      `esbuild as the CDK's ProjectFunction (infra/constructs/bundling.ts): platform node, target node22, format esm, minify, bundle, mainFields module,main, createRequire banner, the Lambda credential chain aliased in, the Secrets Manager client external where no secret is read; ${bundles.functions.length} entries (${bundles.buildMs.toFixed(0)} ms, ${bundles.warnings} warnings)`,
    );
    lines.push(
      `load = await import(bundle) in a new process, median of ${bundles.runs}; ready = process start to handler loaded; with maps = the bundle with its source map (no sources) under --enable-source-maps, which the functions no longer run with (shared/runtime/stack-trace.ts maps a logged stack instead)`,
    );
    lines.push(
      "the load processes run without NODE_EXTRA_CA_CERTS (set on this machine; it adds ~80 ms to every node start; Lambda's node 20+ runtimes load no extra CAs by default)",
    );
    lines.push(
      `node alone (import of an empty module): import ${ms(bundles.baseline.importMs)} ms, ready ${ms(bundles.baseline.readyMs, 1)} ms`,
    );
    lines.push("");
    lines.push(
      table(
        [
          "function",
          "kind",
          "size (KiB)",
          "gzip (KiB)",
          "load (ms)",
          "ready (ms)",
          "load with maps (ms)",
          "map (KiB)",
        ],
        bundles.functions.map((f) => [
          f.id,
          f.kind,
          kib(f.bytes),
          kib(f.gzipBytes),
          ms(f.importMs, 1),
          ms(f.readyMs, 1),
          ms(f.importWithMapsMs, 1),
          kib(f.mapBytes),
        ]),
        ["left", "left"],
      ),
    );
  }
  if (bundles) {
    const { id, parts } = bundles.composition;
    const total = parts.reduce((n, p) => n + p.bytes, 0);
    const top = parts.slice(0, 10);
    const rest = parts.slice(10).reduce((n, p) => n + p.bytes, 0);
    lines.push("");
    lines.push(`what ${id}'s bundle is made of (minified bytes by package, from esbuild's metafile)`);
    lines.push(
      table(
        ["package", "KiB", "share"],
        [
          ...top.map((p) => [p.name, kib(p.bytes), `${((p.bytes / total) * 100).toFixed(0)}%`]),
          [`${parts.length - top.length} more`, kib(rest), `${((rest / total) * 100).toFixed(0)}%`],
        ],
      ),
    );
  }
  lines.push(`\ntotal bench time: ${elapsed()}`);
  return lines.join("\n");
};
