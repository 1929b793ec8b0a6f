/**
 * Fault injection at scale: 1,000 release notices through the local runtime while 30% of its
 * TransactWriteItems and SendMessage calls fail at random, before or after the real call; then the
 * sweeps and the queues drain everything. Prints what was injected and what arrived: exactly 1,000
 * referrals in intake and 1,000 notices in the pilot report, or it throws. (The integration suite
 * test/integration/faults/fault-injection.test.ts runs the same with 100.)
 */
import { localClients } from "../../infra/local/aws";
import { silentLogger } from "../../infra/local/log";
import { provisionLocalResources } from "../../infra/local/provision";
import { startLocalRuntime } from "../../infra/local/runtime";
import { developmentTokens } from "../../infra/local/tokens";
import { intakeService } from "../../services/intake/service";
import { pilotReportsService } from "../../services/pilot-reports/service";
import { releaseNoticesService } from "../../services/release-notices/service";
import { type FaultFigures, injectFaults, runFaultScenario } from "../integration/faults/scenario";
import { startServers } from "./servers-client";

const NOTICES = 1_000;

/** Counts the functions' log lines by message while the run lasts, and keeps them off the terminal. */
const countLogLines = () => {
  const counts = new Map<string, number>();
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
    for (const m of text.matchAll(/"message":"([^"]+)"/g))
      counts.set(m[1] ?? "", (counts.get(m[1] ?? "") ?? 0) + 1);
    for (const m of text.matchAll(/"(OutboxSweepFailed|SweepItemFailed)":(\d+)/g)) {
      counts.set(`metric ${m[1]}`, (counts.get(`metric ${m[1]}`) ?? 0) + Number(m[2]));
    }
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  return {
    stop: () => {
      process.stdout.write = original;
      return counts;
    },
  };
};

export const runFaultBench = async (notices = NOTICES): Promise<FaultFigures> => {
  const servers = await startServers();
  try {
    const clean = localClients(servers);
    const resources = await provisionLocalResources(clean, {
      prefix: `bench-faults-${Date.now().toString(36)}`,
    });
    const faulty = localClients(servers);
    const injector = injectFaults(faulty, 0.3);
    const tokens = await developmentTokens({ dir: null });
    const runtime = await startLocalRuntime({
      clients: faulty,
      resources,
      tokens,
      services: [releaseNoticesService, intakeService, pilotReportsService],
      port: 0,
      pollers: false,
      scheduler: false,
      logger: silentLogger,
      tickTimeoutMs: 120_000,
    });
    runtime.clock.set(new Date("2026-11-23T10:00:00+01:00"));
    const logs = countLogLines();
    let figures: FaultFigures;
    try {
      figures = await runFaultScenario({
        runtime: {
          request: (path, init = {}) => {
            const { token, headers, ...rest } = init;
            const merged = new Headers(headers);
            if (token) merged.set("authorization", `Bearer ${token}`);
            return fetch(`${runtime.url}${path}`, { ...rest, headers: merged });
          },
          token: (request) => tokens.signToken(request),
          tick: () => runtime.tick(),
        },
        injector,
        clean,
        queues: Object.values(resources.queues).flatMap((q) =>
          q ? [{ url: q.url, deadLetterUrl: q.deadLetter.url }] : [],
        ),
        tables: {
          intake: resources.tables.intake ?? "",
          "release-notices": resources.tables["release-notices"] ?? "",
        },
        notices,
      });
    } finally {
      const counted = logs.stop();
      await runtime.stop();
      console.log("\nFault injection (30% of TransactWriteItems and SendMessage, before or after the call)");
      for (const [command, c] of Object.entries(injector.counts)) {
        console.log(`  ${command}: ${c.calls} calls, ${c.before} failed before, ${c.after} failed after`);
      }
      for (const message of [
        "unhandled error",
        "event left in outbox",
        "outbox sweep",
        "metric OutboxSweepFailed",
      ]) {
        console.log(`  log "${message}": ${counted.get(message) ?? 0}`);
      }
    }
    console.log(`  posted ${figures.posted}, answered 500 and retried ${figures.serverErrors}`);
    console.log(
      `  referrals in intake: ${figures.referrals} (distinct notices ${figures.distinctReferralNotices})`,
    );
    console.log(`  notices in the pilot report: ${figures.reported}`);
    console.log(
      `  outbox rows left: ${figures.outboxLeft}; dead-lettered: ${figures.deadLetters}, redriven: ${figures.redriven}, left: ${figures.deadLettersLeft}`,
    );
    console.log(
      `  consumer record failures retried: ${figures.consumerFailures}, ticks: ${figures.ticks}, ${figures.ms} ms`,
    );
    const exact =
      figures.referrals === notices &&
      figures.distinctReferralNotices === notices &&
      figures.reported === notices &&
      figures.outboxLeft === 0 &&
      figures.deadLettersLeft === 0;
    if (!exact) throw new Error("fault bench: something was lost or doubled (figures above)");
    return figures;
  } finally {
    await servers.stop();
  }
};
