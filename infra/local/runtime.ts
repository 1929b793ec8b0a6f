import { SettableClock } from "../../shared/clock";
import type { ServiceName } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import {
  DEVELOPMENT_KEYS_JSON,
  type KeyRing,
  parseKeySecret,
  staticKeyRing,
} from "../../shared/runtime/keys";
import type { ServiceDefinition } from "../../shared/service";
import { projectOpenApiDocument } from "../openapi-document";
import type { LocalClients } from "./aws";
import {
  type HttpFunction,
  type LoadedFunction,
  loadServices,
  type QueueFunction,
  type ScheduleFunction,
  type SkippedFunction,
} from "./lambda";
import { consoleLogger, type LocalLogger } from "./log";
import { localMailClient, localTaskMailEnv, startLocalMailbox } from "./mailbox";
import { REPO_ROOT } from "./paths";
import { type DrainQueueSummary, drainQueues, QueuePoller, queueDepth } from "./poller";
import type { ProvisionedResources } from "./provision";
import { type ScheduleDefinition, type ScheduleRun, Scheduler } from "./scheduler";
import { type HttpRouteTarget, type LocalServerOptions, startLocalServer } from "./server";
import type { DevelopmentTokens } from "./tokens";

export interface LocalRuntimeOptions {
  readonly clients: LocalClients;
  readonly resources: ProvisionedResources;
  readonly tokens: Pick<DevelopmentTokens, "verifyToken" | "jwks">;
  /** Default: every deployed service (infra/services.ts). */
  readonly services?: readonly ServiceDefinition[];
  /** Module paths in the definitions are relative to it. Default: the repository root. */
  readonly root?: string;
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  readonly clock?: SettableClock;
  /** Identity keys (linking, sealing). Default: the development keys. */
  readonly keys?: KeyRing;
  readonly logger?: LocalLogger;
  /** The document /openapi.json serves. Default: the one `npm run openapi` writes (infra/openapi-document.ts). */
  readonly openApi?: (services: readonly ServiceDefinition[], baseUrl: string) => unknown;
  /** Background queue polling; off, only tick() drains the queues. Default on. */
  readonly pollers?: boolean;
  readonly waitTimeSeconds?: number;
  /** Scheduled sweeps on their interval; off, only tick() runs them. Default on. */
  readonly scheduler?: boolean;
  readonly scheduleIntervalMs?: (definition: ScheduleDefinition) => number;
  readonly bodyLimitBytes?: number;
  /** How long tick() may take to drain the queues. Default 30 s. */
  readonly tickTimeoutMs?: number;
  /** The staff console to serve at `/` (infra/local/console.ts); none by default. */
  readonly console?: LocalServerOptions["console"];
  /** The local SES mailbox: its port (default: a free one) and the file that keeps the mail (default: memory). */
  readonly mailbox?: { readonly port?: number; readonly file?: string };
}

export interface TickSummary {
  readonly ok: boolean;
  readonly drained: boolean;
  readonly ms: number;
  readonly schedules: readonly ScheduleRun[];
  readonly queues: readonly DrainQueueSummary[];
  /** Queues whose consumer is not loaded (not written yet): their messages wait, and tick leaves them. */
  readonly unconsumed: readonly {
    readonly queue: string;
    readonly visible: number;
    readonly inFlight: number;
  }[];
}

export interface LocalRuntime {
  readonly url: string;
  readonly port: number;
  readonly clock: SettableClock;
  readonly functions: readonly LoadedFunction[];
  readonly skipped: readonly SkippedFunction[];
  /** The SES endpoint the services send mail to; GET /_local/mail lists what arrived. */
  readonly mailEndpoint: string;
  /** Every schedule once, then the queues drained; what POST /_local/tick does. */
  tick(): Promise<TickSummary>;
  stop(): Promise<void>;
}

const isKind =
  <K extends LoadedFunction["definition"]["kind"]>(kind: K) =>
  (fn: LoadedFunction): fn is LoadedFunction<Extract<LoadedFunction["definition"], { kind: K }>> =>
    fn.definition.kind === kind;

/**
 * Serves the HTTP routes, polls the queues and runs the schedules of the given services with the
 * real handlers against already provisioned resources.
 */
export const startLocalRuntime = async (options: LocalRuntimeOptions): Promise<LocalRuntime> => {
  // Imported only when needed, so a test with its own services does not load the real ones.
  const services = options.services ?? (await import("../services")).SERVICE_DEFINITIONS;
  const root = options.root ?? REPO_ROOT;
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? new SettableClock();
  const keys = options.keys ?? staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON));
  const openApi =
    options.openApi ??
    // The same document as `npm run openapi`: a relative server works wherever it is served.
    ((list: readonly ServiceDefinition[]) => projectOpenApiDocument(list));
  const { resources, clients } = options;

  let cachedOpenApi: unknown;
  let ticking: Promise<unknown> = Promise.resolve();
  let tick: () => Promise<TickSummary> = async () => {
    throw new Error("The local runtime is not started");
  };

  const mailbox = await startLocalMailbox(options.mailbox ?? {});
  const mailClient = localMailClient(mailbox);
  const server = await startLocalServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.bodyLimitBytes !== undefined ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    ...(options.console ? { console: options.console } : {}),
    tokens: options.tokens,
    logger,
    openApi: async (baseUrl) => {
      cachedOpenApi ??= await openApi(services, baseUrl);
      return cachedOpenApi;
    },
    control: {
      clock: () => ({ now: clock.now().toISOString(), pinned: clock.pinned }),
      setClock: (now) => clock.set(now),
      tick: async () => {
        const summary = await tick();
        return { statusCode: summary.ok ? 200 : summary.drained ? 500 : 504, body: summary };
      },
      mail: () => mailbox.list(),
    },
  });

  const runtimeFor = (service: ServiceName): RuntimeConfig => {
    const tableName = resources.tables[service];
    if (!tableName) throw new Error(`No table was provisioned for ${service}`);
    return {
      service,
      clock,
      dynamodb: clients.dynamodb,
      sqs: clients.sqs,
      tableName,
      settingsTableName: resources.settingsTable,
      auditTableName: resources.auditTable,
      queueUrls: resources.queueUrls,
      keys,
      publicBaseUrl: server.url,
      mail: { client: mailClient, env: localTaskMailEnv(server.url) },
    };
  };

  let loaded: Awaited<ReturnType<typeof loadServices>>;
  try {
    loaded = await loadServices(services, { root, runtimeFor, logger });
  } catch (error) {
    await server.close();
    await mailbox.stop();
    throw error;
  }
  const { functions, skipped } = loaded;

  const httpTargets: HttpRouteTarget[] = [];
  for (const service of services) {
    for (const definition of service.functions) {
      if (definition.kind !== "http") continue;
      const fn = functions
        .filter(isKind("http"))
        .find((f: HttpFunction) => f.definition.id === definition.id);
      httpTargets.push({ service: service.name, definition, ...(fn ? { fn } : {}) });
    }
  }
  server.setRoutes(httpTargets);

  const pollers: QueuePoller[] = [];
  for (const fn of functions.filter(isKind("queue")) satisfies QueueFunction[]) {
    const queue = resources.queues[fn.definition.queue];
    if (!queue) {
      logger.error(`${fn.definition.id}: no queue was provisioned for ${fn.definition.queue}; not polled`);
      continue;
    }
    pollers.push(
      new QueuePoller({
        fn,
        queue,
        sqs: clients.sqs,
        logger,
        ...(options.waitTimeSeconds !== undefined ? { waitTimeSeconds: options.waitTimeSeconds } : {}),
      }),
    );
  }
  const scheduler = new Scheduler({
    functions: functions.filter(isKind("schedule")) satisfies ScheduleFunction[],
    clock,
    logger,
    ...(options.scheduleIntervalMs ? { intervalMs: options.scheduleIntervalMs } : {}),
  });

  tick = () => {
    // One tick at a time: two concurrent drains would each wait for the other's messages.
    const run = ticking.then(async (): Promise<TickSummary> => {
      const started = performance.now();
      const schedules = await scheduler.runAll();
      const drain = await drainQueues(pollers, clients.sqs, { timeoutMs: options.tickTimeoutMs ?? 30_000 });
      const consumed = new Set(pollers.map((p) => p.queue.url));
      const unconsumed = await Promise.all(
        Object.values(resources.queues)
          .filter((q) => !consumed.has(q.url))
          .map(async (q) => {
            const { visible, inFlight } = await queueDepth(clients.sqs, q.url);
            return { queue: q.name, visible, inFlight };
          }),
      );
      const summary = {
        ok: drain.drained && schedules.every((s) => s.ok),
        drained: drain.drained,
        ms: Math.round(performance.now() - started),
        schedules,
        queues: drain.queues,
        unconsumed,
      };
      const waiting = unconsumed.filter((q) => q.visible + q.inFlight > 0);
      logger.info(
        `tick: ${schedules.length} schedules, ${drain.queues.reduce((n, q) => n + q.received, 0)} messages${
          summary.ok ? "" : summary.drained ? " (a schedule failed)" : " (queues not drained in time)"
        }${waiting.length ? `; waiting without a consumer: ${waiting.map((q) => `${q.queue} (${q.visible + q.inFlight})`).join(", ")}` : ""}`,
      );
      return summary;
    });
    ticking = run.catch(() => undefined);
    return run;
  };

  if (options.pollers ?? true) for (const poller of pollers) poller.start();
  if (options.scheduler ?? true) scheduler.start();
  server.setReady(true);

  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    clock,
    functions,
    skipped,
    mailEndpoint: mailbox.endpoint,
    tick: () => tick(),
    stop() {
      stopping ??= (async () => {
        server.setReady(false);
        await scheduler.stop();
        await Promise.all(pollers.map((p) => p.stop()));
        await ticking;
        await server.close();
        await mailbox.stop();
        mailClient.destroy();
      })();
      return stopping;
    },
  };
};
