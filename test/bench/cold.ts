/**
 * `npm run bench -- cold [function or service ids…]`: every function's cold start beside a floor,
 * in the same run. Each function is bundled as the CDK bundles it (cold-build.ts), then started in
 * fresh Node processes (cold-child.mjs): the import of the bundle (`load`), and the import plus the
 * first invocation, which builds the clients and answers one request against DynamoDB Local and
 * fauxqs (`first answer`). The floor is a bundle of the project's own SDK that builds the DynamoDB
 * and SQS clients and sends one GetItem (cold-floor.ts); a floor process runs right before each
 * function's, so that drift on the shared cores hits both. After the first answer each process
 * serves a few warm requests and reports their CPU (user + system). Its requests pass a recording
 * proxy, and a process of the bare SDK right after it sends the same requests and gets the same
 * answers (cold-raw-replay.ts, cold-raw.ts): the `x raw` ratios. Prints figures only.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { localClients } from "../../infra/local/aws";
import { provisionLocalResources } from "../../infra/local/provision";
import { PROVISIONED_INITIALIZATION } from "../../shared/runtime/initialization";
import { startFakeSecretsManager } from "../support/fake-secrets-manager";
import {
  bundleFileOf,
  bundleFunctions,
  type ColdFunction,
  coldFunctions,
  compositionOf,
  FLOOR_ID,
  fileNameOf,
  RAW_ID,
} from "./cold-build";
import { BENCH_SECRETS, functionEnv, prepareFixtures } from "./cold-fixtures";
import { type Endpoints, type Recording, startRecordingProxy, startReplayServer } from "./cold-raw-replay";
import { type ColdRow, render } from "./cold-report";
import { type EventMaker, genericEvent } from "./cold-requests";
import { startServers } from "./servers-client";
import { median } from "./stats";

const CHILD = fileURLToPath(new URL("./cold-child.mjs", import.meta.url));

export interface ColdOptions {
  readonly runs: number;
  readonly warm: number;
  /** Function ids or service names; empty: every function. */
  readonly only: readonly string[];
  readonly progress: (message: string) => void;
  /** A folder for a V8 CPU profile of every process (`<dir>/<function id>/`), for reading where a cold start goes. */
  readonly profileDir?: string;
}

const sampleSchema = z.object({
  importMs: z.number(),
  firstAnswerMs: z.number(),
  importCpuMs: z.number(),
  firstAnswerCpuMs: z.number(),
  outcome: z.string(),
  warmCpuMs: z.array(z.number()),
  firstRequests: z.record(z.string(), z.number()),
  warmRequests: z.array(z.record(z.string(), z.number())),
});
type Sample = z.infer<typeof sampleSchema>;

/** One process at a time, awaited: this process keeps serving the fake Secrets Manager meanwhile. */
const runChild = (
  bundle: string,
  fixture: string,
  env: NodeJS.ProcessEnv,
  profileDir: string | undefined,
): Promise<Sample> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), CHILD, bundle, fixture],
      { encoding: "utf8", env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split("\n").find((l) => l.startsWith("COLD "));
        if (error || !line) {
          reject(
            new Error(`${bundle} failed (${error?.message ?? "no COLD line"}): ${stderr.slice(0, 800)}`),
          );
          return;
        }
        resolve(sampleSchema.parse(JSON.parse(line.slice("COLD ".length))));
      },
    );
  });

export const runColdBench = async (options: ColdOptions): Promise<{ text: string; rows: ColdRow[] }> => {
  const { runs, warm, progress } = options;
  const functions = coldFunctions(options.only.length ? new Set(options.only) : undefined);
  const dir = mkdtempSync(join(tmpdir(), "ny-riktning-cold-"));
  const servers = await startServers();
  const secretsManager = await startFakeSecretsManager(BENCH_SECRETS);
  const replay = await startReplayServer();
  const proxy = await startRecordingProxy({
    dynamodb: servers.dynamodbEndpoint,
    sqs: servers.sqsEndpoint,
    secretsManager: secretsManager.endpoint,
  });
  try {
    progress(`cold: bundling ${functions.length} entries`);
    const { metafile, warnings } = await bundleFunctions(functions, dir);
    if (options.profileDir) {
      // The profiles name minified positions; each bundle's source map beside them names the files.
      // Each function's raw replays go to a folder of their own (`<id>.raw`), beside its own.
      const measuredIds = functions.map((f) => f.id).filter((id) => id !== FLOOR_ID && id !== RAW_ID);
      const folders = [
        [FLOOR_ID, FLOOR_ID],
        ...measuredIds.flatMap((id) => [
          [id, id],
          [`${id}.raw`, RAW_ID],
        ]),
      ];
      for (const [folder = "", bundleId = ""] of folders) {
        const to = join(options.profileDir, fileNameOf(folder));
        mkdirSync(to, { recursive: true });
        copyFileSync(`${bundleFileOf(dir, bundleId)}.map`, join(to, "bundle.mjs.map"));
      }
    }
    const clients = localClients(servers);
    const provisioned = await provisionLocalResources(clients, { prefix: `cold-${Date.now().toString(36)}` });
    const makers = await prepareFixtures(clients, provisioned);
    const makerOf = (f: ColdFunction): EventMaker =>
      makers[f.id] ?? (async () => (f.kind === "floor" ? {} : genericEvent(f.id, f.kind)));

    const fixtureFile = async (f: ColdFunction, run: number) => {
      const make = makerOf(f);
      const events = [];
      for (let i = 0; i <= warm; i++) events.push(await make());
      const file = join(dir, `fixture-${run}-${fileNameOf(f.id)}.json`);
      writeFileSync(file, JSON.stringify({ functionName: f.id, first: events[0], warm: events.slice(1) }));
      return file;
    };
    const floor = functions.find((f) => f.id === FLOOR_ID);
    if (!floor) throw new Error("no floor entry");
    const measured = functions.filter((f) => f.id !== FLOOR_ID && f.id !== RAW_ID);
    const samples = new Map(
      measured.map((f) => [
        f.id,
        {
          own: [] as Sample[],
          floor: [] as Sample[],
          raw: [] as Sample[],
          unreplayed: [] as number[],
          provisioned: [] as Sample[],
        },
      ]),
    );
    const floorEnv = functionEnv("hotline", provisioned, servers);
    const profileOf = (id: string) => options.profileDir && join(options.profileDir, fileNameOf(id));
    const envOf = (f: ColdFunction, at: Endpoints) =>
      functionEnv(
        f.service,
        provisioned,
        { dynamodbEndpoint: at.dynamodb, sqsEndpoint: at.sqs },
        { endpoint: at.secretsManager, uses: f.secrets },
      );
    const rawEnv = envOf(functions.find((f) => f.id === RAW_ID) ?? floor, {
      dynamodb: replay.endpoint,
      sqs: replay.endpoint,
      secretsManager: replay.endpoint,
    });
    const rawFixture = (f: ColdFunction, recording: Recording) => {
      const file = join(dir, `fixture-raw-${fileNameOf(f.id)}.json`);
      const [first = [], ...warmGroups] = recording.invocations.map((groups) => ({ groups }));
      writeFileSync(file, JSON.stringify({ functionName: RAW_ID, first, warm: warmGroups }));
      return file;
    };
    for (let run = 0; run < runs; run++) {
      progress(`cold: run ${run + 1}/${runs}`);
      for (const f of measured) {
        const into = samples.get(f.id);
        const floorFixture = await fixtureFile(floor, run);
        into?.floor.push(
          await runChild(bundleFileOf(dir, FLOOR_ID), floorFixture, floorEnv, profileOf(FLOOR_ID)),
        );
        const fixture = await fixtureFile(f, run);
        proxy.take([]);
        const own = await runChild(
          bundleFileOf(dir, f.id),
          fixture,
          envOf(f, proxy.endpoints),
          profileOf(f.id),
        );
        into?.own.push(own);
        // Its first answer's requests came first, then each warm request's; the mail (SES's query
        // protocol) does not pass the proxy.
        const recording = proxy.take([own.firstRequests, ...own.warmRequests].map(requestsThroughProxy));
        into?.unreplayed.push(recording.unreplayable + (own.firstRequests.other ?? 0));
        replay.serve(recording);
        into?.raw.push(
          await runChild(
            bundleFileOf(dir, RAW_ID),
            rawFixture(f, recording),
            rawEnv,
            profileOf(`${f.id}.raw`),
          ),
        );
        if (f.provisioned) {
          // Initialised as Lambda initialises for provisioned concurrency: the module warms up as it
          // loads (shared/runtime/lambda.ts warmedHandler), then a call comes.
          const env = {
            ...envOf(f, {
              dynamodb: servers.dynamodbEndpoint,
              sqs: servers.sqsEndpoint,
              secretsManager: secretsManager.endpoint,
            }),
            AWS_LAMBDA_INITIALIZATION_TYPE: PROVISIONED_INITIALIZATION,
          };
          into?.provisioned.push(
            await runChild(bundleFileOf(dir, f.id), await fixtureFile(f, run), env, undefined),
          );
        }
      }
    }
    const warmOf = (list: Sample[]) => median(list.flatMap((s) => s.warmCpuMs));
    const rows = measured.map((f): ColdRow => {
      const s = samples.get(f.id) ?? { own: [], floor: [], raw: [], unreplayed: [], provisioned: [] };
      const file = bundleFileOf(dir, f.id);
      const outcomes = [...new Set(s.own.map((x) => x.outcome))].join("/");
      const rawOutcomes = [...new Set(s.raw.map((x) => x.outcome))].join("/");
      return {
        id: f.id,
        bytes: statSync(file).size,
        loadMs: median(s.own.map((x) => x.importMs)),
        firstAnswerMs: median(s.own.map((x) => x.firstAnswerMs)),
        floorLoadMs: median(s.floor.map((x) => x.importMs)),
        floorFirstAnswerMs: median(s.floor.map((x) => x.firstAnswerMs)),
        loadCpuMs: median(s.own.map((x) => x.importCpuMs)),
        firstAnswerCpuMs: median(s.own.map((x) => x.firstAnswerCpuMs)),
        floorLoadCpuMs: median(s.floor.map((x) => x.importCpuMs)),
        floorFirstAnswerCpuMs: median(s.floor.map((x) => x.firstAnswerCpuMs)),
        warmCpuMs: warmOf(s.own),
        floorWarmCpuMs: warmOf(s.floor),
        rawFirstAnswerCpuMs: median(s.raw.map((x) => x.firstAnswerCpuMs)),
        rawWarmCpuMs: warmOf(s.raw),
        // Each process beside the floor process right before it, and the raw one right after it.
        cpuRatios: {
          load: s.own.map((x, i) => x.importCpuMs / (s.floor[i]?.importCpuMs ?? Number.NaN)),
          firstAnswer: s.own.map((x, i) => x.firstAnswerCpuMs / (s.floor[i]?.firstAnswerCpuMs ?? Number.NaN)),
          toRaw: s.own.map((x, i) => x.firstAnswerCpuMs / (s.raw[i]?.firstAnswerCpuMs ?? Number.NaN)),
          rawToFloor: s.raw.map((x, i) => x.firstAnswerCpuMs / (s.floor[i]?.firstAnswerCpuMs ?? Number.NaN)),
        },
        unreplayed: Math.max(0, ...s.unreplayed),
        // The raw replay answers 502 where a request failed that had not failed when recorded.
        outcome: rawOutcomes === "200" ? outcomes : `${outcomes} (raw ${rawOutcomes})`,
        firstRequests: [...new Set(s.own.map((x) => requestsOf(x.firstRequests)))].join(" / "),
        composition: compositionOf(metafile, file),
        ...(s.provisioned.length > 0
          ? {
              provisioned: {
                initMs: median(s.provisioned.map((x) => x.importMs)),
                initCpuMs: median(s.provisioned.map((x) => x.importCpuMs)),
                firstCallMs: median(s.provisioned.map((x) => x.firstAnswerMs - x.importMs)),
                firstCallCpuMs: median(s.provisioned.map((x) => x.firstAnswerCpuMs - x.importCpuMs)),
                onDemandFirstCallMs: median(s.own.map((x) => x.firstAnswerMs - x.importMs)),
                onDemandFirstCallCpuMs: median(s.own.map((x) => x.firstAnswerCpuMs - x.importCpuMs)),
                firstRequests: [...new Set(s.provisioned.map((x) => requestsOf(x.firstRequests)))].join(
                  " / ",
                ),
              },
            }
          : {}),
      };
    });
    const floorBytes = statSync(bundleFileOf(dir, FLOOR_ID)).size;
    const secretFetches = [...secretsManager.fetches.values()].reduce((a, b) => a + b, 0);
    return { text: render(rows, { runs, warm, warnings, floorBytes, secretFetches }), rows };
  } finally {
    await proxy.stop();
    await replay.stop();
    await secretsManager.stop();
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * The requests of an invocation that went through the recording proxy: all but those cold-child.mjs
 * counts as "other" (a server the proxy does not stand in front of, as the mail's).
 */
const requestsThroughProxy = (byServer: Readonly<Record<string, number>>): number =>
  Object.entries(byServer).reduce((sum, [server, n]) => (server === "other" ? sum : sum + n), 0);

const requestsOf = (byServer: Readonly<Record<string, number>>): string =>
  Object.entries(byServer)
    .map(([server, n]) => `${server} ${n}`)
    .join(", ") || "none";
