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
 *   --skip intake,hotline,pilot-reports   leave out the other services' benches (each starts its own servers)
 *   --json PATH         also write the figures as JSON to PATH (nothing is written otherwise)
 */

import { randomFillSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { PurgeQueueCommand } from "@aws-sdk/client-sqs";
import { ulid } from "ulid";
import { dynamoDbLocalDir, localClients } from "../../infra/local/aws";
import { provisionLocalResources } from "../../infra/local/provision";
import { createNoticeBodySchema, SCOPES } from "../../services/release-notices/contract";
import { isReleaseDateInPast, leadTime } from "../../services/release-notices/domain/lead-time";
import { nextStage, planDueAt } from "../../services/release-notices/domain/plan-schedule";
import { RETENTION_DAYS_AFTER_RELEASE } from "../../services/release-notices/domain/retention";
import { routes } from "../../services/release-notices/service";
import { releaseNoticeReceived } from "../../shared/events/catalogue/release-notices";
import { newEvent } from "../../shared/events/outbox";
import { createHttpHandler, json } from "../../shared/http/edge";
import { parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { createLogger } from "../../shared/logger";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../shared/runtime/keys";
import { addCalendarDays, startOfStockholmDay, stockholmDate } from "../../shared/time";
import { type BundleReport, measureBundles } from "./bundles";
import { mergeProfiles, muteOutput, type Profile, profileSelfTime, timeCalls } from "./cpu";
import { lambdaContext, noticeBody, personnummer, postEvent, releaseDateMonthsAhead } from "./fixtures";
import { runHotlineWebhookBench } from "./hotline-webhook";
import { runIntakeSweepBench } from "./intake-sweep";
import { runPilotReportBench } from "./pilot-report";
import { type Comparison, compare, runBlock } from "./pool";
import { startServers } from "./servers-client";
import { kib, ms, ratio, type Summary, summarize, table, us } from "./stats";
import {
  type CallTemplates,
  captureCalls,
  handlerWorkload,
  httpWorkload,
  rawWorkload,
  type Target,
  type Workload,
} from "./workloads";

const { values: args } = parseArgs({
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

// performance.now() counts from the process's start, so this includes loading the modules.
const elapsed = () => `${(performance.now() / 1000).toFixed(1)} s`;
const writeStderr = process.stderr.write.bind(process.stderr);
/** Progress goes to stderr, past the muting of the handler's logs. */
const progress = (message: string) => writeStderr(`[${elapsed()}] ${message}\n`);

const HANDLER = "handler";
const RAW = "raw SDK";
const HTTP = "HTTP";
const STUB_REQUESTS = 1000;
const COMPONENT_ITERATIONS = 3000;

interface LatencyReport {
  readonly comparisons: Comparison[];
  /** The raw sequence's steps, per concurrency. */
  readonly steps: { concurrency: number; transact: Summary; send: Summary; remove: Summary }[];
  readonly templates: CallTemplates;
  readonly logPerRequest: { lines: number; bytes: number };
  readonly cpu: {
    readonly handler: Summary;
    readonly raw: Summary;
    readonly profileRequests: number;
    readonly handlerProfile: Profile;
    readonly rawProfile: Profile;
    readonly components: { name: string; perCallMs: number; perRequest: number }[];
  };
  /** Lines the handler logged on stderr (warnings, errors) on the servers and on the stubs: should be 0. */
  readonly warnings: { readonly live: number; readonly stub: number };
  readonly javaStopped: boolean;
  readonly dynamodbPid: number;
  /** Why the HTTP path was not measured, if it was not. */
  readonly httpNote?: string;
}

/** The local runtime's HTTP server in this process, with development tokens; undefined when it cannot start. */
const startHttp = async (
  clients: ReturnType<typeof localClients>,
  resources: Awaited<ReturnType<typeof provisionLocalResources>>,
) => {
  const [{ startLocalRuntime }, { developmentTokens }, { silentLogger }] = await Promise.all([
    import("../../infra/local/runtime"),
    import("../../infra/local/tokens"),
    import("../../infra/local/log"),
  ]);
  const tokens = await developmentTokens({ dir: null });
  const runtime = await startLocalRuntime({
    clients,
    resources,
    tokens,
    port: 0,
    pollers: false,
    scheduler: false,
    logger: silentLogger,
  });
  const token = await tokens.signToken({ scope: SCOPES.write, sub: "kriminalvarden-bench" });
  return { runtime, token };
};

const measureLatency = async (): Promise<LatencyReport> => {
  const runId = ulid().slice(-8).toLowerCase();
  progress("starting DynamoDB Local and fauxqs (own process)");
  const servers = await startServers();
  const mute = muteOutput();
  const cleanup: (() => Promise<void> | void)[] = [];
  let measured: Omit<LatencyReport, "javaStopped">;
  try {
    const admin = localClients(servers);
    // Every table, so that the local runtime finds one for each service it loads.
    const provisioned = await provisionLocalResources(admin, { prefix: `bench-${runId}` });
    const tableName = provisioned.tables["release-notices"];
    if (!tableName) throw new Error("no release-notices table was provisioned");
    const target = { tableName, queueUrls: provisioned.queueUrls };
    progress(`provisioned ${tableName} and queues ${Object.keys(provisioned.queueUrls).join(", ")}`);

    const templates = await captureCalls(localClients(servers), target, runId);
    const handler = handlerWorkload(HANDLER, localClients(servers), target, runId);
    const raw = rawWorkload(RAW, localClients(servers), templates, runId);
    const workloads: Workload[] = [handler, raw];
    let httpNote: string | undefined;
    if (httpRequests > 0) {
      try {
        const { runtime, token } = await startHttp(localClients(servers), provisioned);
        cleanup.push(() => runtime.stop());
        const http = httpWorkload(HTTP, runtime.url, token, runId);
        cleanup.push(() => http.close());
        workloads.push(http);
      } catch (error) {
        httpNote = `not measured: the local runtime did not start (${error instanceof Error ? error.message : String(error)})`;
        progress(`HTTP path ${httpNote}`);
      }
    }
    const purge = async () => {
      await Promise.all(
        Object.values(provisioned.queueUrls).map((url) =>
          admin.sqs.send(new PurgeQueueCommand({ QueueUrl: url })),
        ),
      );
    };

    const cursor = new Map<string, number>();
    const comparisons: Comparison[] = [];
    const steps: LatencyReport["steps"] = [];
    const before = { ...mute.counted };
    for (const concurrency of concurrencies) {
      progress(`measuring at concurrency ${concurrency}: ${warmup} warm-up, then ${requests} per path`);
      comparisons.push(
        await compare(workloads, {
          concurrency,
          requests,
          requestsOf: new Map([[HTTP, httpRequests]]),
          warmup,
          blocks: 4,
          cursor,
          between: purge,
          progress,
        }),
      );
      const s = raw.steps();
      steps.push({
        concurrency,
        transact: summarize(s.transact, 0),
        send: summarize(s.send, 0),
        remove: summarize(s.remove, 0),
      });
    }
    const handled = (cursor.get(HANDLER) ?? 0) + (cursor.get(HTTP) ?? 0) || 1;
    const logPerRequest = {
      lines: (mute.counted.lines - before.lines) / handled,
      bytes: (mute.counted.bytes - before.bytes) / handled,
    };
    const liveWarnings = mute.counted.errorLines;
    for (const w of workloads) if (w.firstError) progress(`${w.name}: first failure: ${w.firstError}`);
    for (const done of cleanup.splice(0).reverse()) await done();

    progress("CPU per request without I/O (SDK clients with a stub HTTP layer)");
    const cpu = await measureCpu(templates, runId, provisioned.queueUrls);
    const warnings = { live: liveWarnings, stub: mute.counted.errorLines - liveWarnings };
    for (const line of mute.counted.firstErrors) progress(`logged on stderr: ${line.trim()}`);
    measured = {
      comparisons,
      steps,
      templates,
      logPerRequest,
      warnings,
      cpu,
      dynamodbPid: servers.dynamodbPid,
      ...(httpNote ? { httpNote } : {}),
    };
  } catch (error) {
    mute.restore();
    for (const done of cleanup.reverse()) await Promise.resolve(done()).catch(() => undefined);
    await servers.stop();
    throw error;
  }
  mute.restore();
  progress("stopping the local servers");
  const javaStopped = await servers.stop();
  progress(`DynamoDB Local (pid ${servers.dynamodbPid}) ${javaStopped ? "stopped" : "STILL RUNNING"}`);
  return { ...measured, javaStopped };
};

const measureCpu = async (
  templates: CallTemplates,
  runId: string,
  queueUrls: Target["queueUrls"],
): Promise<LatencyReport["cpu"]> => {
  const { stubClients } = await import("./stub");
  const target = { tableName: "stub", queueUrls };
  const handler = handlerWorkload(HANDLER, stubClients(), target, `${runId}s`);
  const raw = rawWorkload(RAW, stubClients(), templates, `${runId}s`);
  const cursor = new Map<string, number>();
  const result = await compare([handler, raw], {
    concurrency: 1,
    requests: STUB_REQUESTS,
    warmup: 200,
    blocks: 2,
    cursor,
  });
  // Profiled in alternating rounds, like the latency blocks, so drift falls on both alike.
  const profileRounds = 4;
  const perRound = 200;
  const profileRequests = profileRounds * perRound;
  const profiles = new Map<string, Profile[]>([
    [HANDLER, []],
    [RAW, []],
  ]);
  for (let round = 0; round < profileRounds; round++) {
    for (const workload of round % 2 === 0 ? [handler, raw] : [raw, handler]) {
      const from = cursor.get(workload.name) ?? 0;
      cursor.set(workload.name, from + perRound);
      profiles
        .get(workload.name)
        ?.push(await profileSelfTime(() => runBlock(workload, from, perRound, 1).then(() => undefined)));
    }
  }
  const handlerProfile = mergeProfiles(profiles.get(HANDLER) ?? []);
  const rawProfile = mergeProfiles(profiles.get(RAW) ?? []);
  const components = await measureComponents(templates);
  const get = (name: string) => {
    const s = result.results.get(name);
    if (!s) throw new Error(`no figures for ${name}`);
    return s;
  };
  return { handler: get(HANDLER), raw: get(RAW), profileRequests, handlerProfile, rawProfile, components };
};

/** The pieces of one create, each timed alone, with how often one request runs it. */
const measureComponents = async (templates: CallTemplates) => {
  const now = new Date();
  const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);
  const sealingKey = keys.sealingKeys.get(keys.sealingKid);
  if (!sealingKey) throw new Error("development keys have no current sealing key");
  const pnrs = personnummer(100, now);
  const releaseDate = releaseDateMonthsAhead(now, 5);
  const bodies = pnrs.map((p, i) => JSON.stringify(noticeBody(`component-${i}`, p, releaseDate)));
  const pick = (i: number) => bodies[i % bodies.length] ?? "";
  const identity = parseIdentityNumber(pnrs[0] ?? "", now);
  if (!identity) throw new Error("no identity");
  const logger = createLogger("release-notices");
  const receipt = {
    id: ulid(),
    noticeId: "n",
    status: "received",
    leadDays: 150,
    onTime: true,
    planDueDate: releaseDate,
  };
  const edge = createHttpHandler(routes.create, createLogger("release-notices"), async () =>
    json(201, receipt),
  );
  const events = bodies.map((b, i) => postEvent(b, `component-${i}`));
  const context = lambdaContext("release-notices-create", "component");
  const sent = JSON.parse(templates.sends[0]?.MessageBody ?? "{}") as {
    municipality: string;
    correlationId: string;
    data: Parameters<typeof newEvent<typeof releaseNoticeReceived>>[1]["data"];
  };

  const items: { name: string; perRequest: number; fn: (i: number) => unknown }[] = [
    {
      name: "edge: middy + Powertools context + auth + zod body + access log (trivial impl)",
      perRequest: 1,
      fn: (i) => edge(events[i % events.length] ?? postEvent("{}", "x"), context),
    },
    {
      name: "zod: createNoticeBodySchema.safeParse (inside the edge above)",
      perRequest: 1,
      fn: (i) => createNoticeBodySchema.safeParse(JSON.parse(pick(i))),
    },
    {
      name: "newEvent: zod parse of event data + envelope",
      perRequest: 1,
      fn: () =>
        newEvent(releaseNoticeReceived, {
          source: "release-notices",
          municipality: sent.municipality,
          correlationId: sent.correlationId,
          occurredAt: now,
          data: sent.data,
        }),
    },
    {
      name: "parseIdentityNumber",
      perRequest: 1,
      fn: (i) => parseIdentityNumber(pnrs[i % pnrs.length] ?? "", now),
    },
    {
      name: "HMAC-SHA256 (subjectRef; the request hash is one more)",
      perRequest: 2,
      fn: () => subjectRef(identity, keys.linkingKey),
    },
    {
      name: "seal: AES-256-GCM",
      perRequest: 2,
      fn: () => seal(identity.canonical, { kid: keys.sealingKid, key: sealingKey }),
    },
    {
      name: "Swedish dates (@date-fns/tz): the date work of one create",
      perRequest: 1,
      fn: () => {
        // As the create path does: identity's reference date, past check, lead time, schedule, due, TTL x2.
        stockholmDate(now);
        isReleaseDateInPast(releaseDate, now);
        leadTime(now, releaseDate);
        nextStage(releaseDate, [], now);
        planDueAt(releaseDate);
        startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE));
        startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE));
      },
    },
    { name: "  of which one stockholmDate(now)", perRequest: 0, fn: () => stockholmDate(now) },
    { name: "ulid (its PRNG: one getRandomValues per character)", perRequest: 3, fn: () => ulid() },
    {
      name: "  ulid with a pooled PRNG (for comparison)",
      perRequest: 0,
      fn: () => ulid(undefined, pooledPrng),
    },
    {
      name: "logger.info: one JSON line (written to a discarding stdout)",
      perRequest: 2,
      fn: (i) => logger.info("notice received", { noticeId: `n-${i}`, leadDays: 150, onTime: true }),
    },
  ];
  const out: { name: string; perCallMs: number; perRequest: number }[] = [];
  for (const item of items) {
    out.push({
      name: item.name,
      perRequest: item.perRequest,
      perCallMs: await timeCalls(COMPONENT_ITERATIONS, item.fn),
    });
  }
  return out;
};

/** 4 KiB of random bytes at a time instead of one call per character. */
const prngPool = new Uint8Array(4096);
let prngAt = prngPool.length;
const pooledPrng = (): number => {
  if (prngAt >= prngPool.length) {
    randomFillSync(prngPool);
    prngAt = 0;
  }
  return (prngPool[prngAt++] ?? 0) / 256;
};

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

const report = (latency: LatencyReport | undefined, bundles: BundleReport | undefined): string => {
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
      `raw replay: the captured marshalled inputs with fresh keys, plain DynamoDBClient/SQSClient: TransactWriteItems ${t.transact.TransactItems?.length ?? 0} puts (${kib(t.bytes.transact)} KiB) -> ${t.sends.length} x SendMessage (${kib(t.bytes.send)} KiB) -> DeleteItem`,
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
              ["DeleteItem", st.remove],
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
      `esbuild as the CDK's ProjectFunction: platform node, target node22, format esm, minify, bundle, mainFields module,main, createRequire banner, nothing external; one call for all ${bundles.functions.length} entries (${bundles.buildMs.toFixed(0)} ms, ${bundles.warnings} warnings)`,
    );
    lines.push(
      `load = await import(bundle) in a new process, median of ${bundles.runs}; ready = process start to handler loaded; with maps = sourcemap on, no sources, --enable-source-maps (as deployed)`,
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

let bundles: BundleReport | undefined;
let latency: LatencyReport | undefined;
// Bundles first: their load times are measured while no server competes for the two cores.
if (!args["skip-bundles"]) {
  progress("bundling and timing cold loads");
  bundles = await measureBundles(loadRuns, progress);
}
if (!args["skip-latency"]) latency = await measureLatency();

process.stdout.write(`${report(latency, bundles)}\n`);

// The other services' benches, each against servers of its own, after the release-notice one.
const skipped = new Set(args.skip.split(",").map((name) => name.trim()));
if (!skipped.has("intake")) process.stdout.write(`\n${await runIntakeSweepBench()}\n`);
if (!skipped.has("hotline")) process.stdout.write(`\n${await runHotlineWebhookBench(progress)}\n`);
if (!skipped.has("pilot-reports")) process.stdout.write(`\n${await runPilotReportBench()}\n`);
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
