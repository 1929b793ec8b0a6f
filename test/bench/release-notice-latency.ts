import { PurgeQueueCommand } from "@aws-sdk/client-sqs";
import { ulid } from "ulid";
import { localClients } from "../../infra/local/aws";
import { provisionLocalResources } from "../../infra/local/provision";
import { SCOPES } from "../../services/release-notices/contract";
import { NATIONAL_SCOPE } from "../../shared/domain/caller";
import { mergeProfiles, muteOutput, type Profile, profileSelfTime } from "./cpu";
import { type Comparison, compare, runBlock } from "./pool";
import { measureComponents } from "./release-notice-components";
import { captureCommands, type PairedCpu, pairedCpu, sdkReplayWorkload } from "./sdk-replay";
import { startServers } from "./servers-client";
import { type Summary, summarize } from "./stats";
import {
  type CallTemplates,
  captureCalls,
  handlerWorkload,
  httpWorkload,
  rawWorkload,
  type Target,
  type Workload,
} from "./workloads";

export const HANDLER = "handler";
export const RAW = "raw SDK";
export const HTTP = "HTTP";
export const SDK_REPLAY = "its commands, SDK alone";
const STUB_REQUESTS = 1000;
/** Rounds of the paired CPU blocks (100 requests per block, two workloads a round): about 40 s. */
const PAIRED_ROUNDS = 40;

export interface LatencyOptions {
  readonly requests: number;
  readonly warmup: number;
  readonly concurrencies: readonly number[];
  readonly httpRequests: number;
  readonly progress: (message: string) => void;
}

export interface LatencyReport {
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
    /** The handler beside its own commands through the SDK alone (sdk-replay.ts). */
    readonly paired: PairedCpu;
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
  // Kriminalvården posts for every municipality: its token carries the national scope, no kommunkod.
  const token = await tokens.signToken({
    scope: `${SCOPES.write} ${NATIONAL_SCOPE}`,
    sub: "kriminalvarden-bench",
  });
  return { runtime, token };
};

export const measureLatency = async (options: LatencyOptions): Promise<LatencyReport> => {
  const { requests, warmup, concurrencies, httpRequests, progress } = options;
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
    const target = {
      tableName,
      settingsTableName: provisioned.settingsTable,
      auditTableName: provisioned.auditTable,
      queueUrls: provisioned.queueUrls,
    };
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
  const target = {
    tableName: "stub",
    settingsTableName: "stub-settings",
    auditTableName: "stub-audit",
    queueUrls,
  };
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
  // The commands of a warm request, sent again through the SDK alone on stubs of their own.
  const at = cursor.get(HANDLER) ?? 0;
  cursor.set(HANDLER, at + 1);
  const sdk = sdkReplayWorkload(SDK_REPLAY, stubClients(), await captureCommands(handler, at));
  await runBlock(sdk, 0, 200, 1);
  cursor.set(SDK_REPLAY, 200);
  const paired = await pairedCpu([handler, sdk], { rounds: PAIRED_ROUNDS, perBlock: 100, cursor });
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
  return {
    handler: get(HANDLER),
    raw: get(RAW),
    profileRequests,
    handlerProfile,
    rawProfile,
    paired,
    components,
  };
};

/** The pieces of one create, each timed alone, with how often one request runs it. */
