/**
 * Nothing lost, nothing doubled, every failure visible: ~100 release notices posted while 30% of
 * the runtime's TransactWriteItems and SendMessage calls fail at random (before or after the real
 * call), consumers included; then the sweeps and the queues drain it all (test/integration/faults/
 * scenario.ts). `npm run bench` runs the same with 1,000 (test/bench/faults.ts).
 */
import { afterAll, expect, it, vi } from "vitest";
import { localClients } from "../../../infra/local/aws";
import { intakeService } from "../../../services/intake/service";
import { pilotReportsService } from "../../../services/pilot-reports/service";
import { releaseNoticesService } from "../../../services/release-notices/service";
import { localEndpointsFromInject, provisionForTest } from "../../support/aws";
import { captureOutput } from "../../support/output";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";
import { injectFaults, runFaultScenario } from "./scenario";

const NOTICES = 100;
let runtime: TestRuntime | undefined;
afterAll(async () => {
  vi.restoreAllMocks();
  await runtime?.stop();
});

it("delivers exactly one referral and one count per notice under 30% injected faults", async () => {
  const resources = await provisionForTest(["release-notices", "intake", "pilot-reports"]);
  const faulty = localClients(localEndpointsFromInject());
  const injector = injectFaults(faulty, 0.3);
  runtime = await startRuntimeForTest({
    services: [releaseNoticesService, intakeService, pilotReportsService],
    resources: { ...resources, clients: faulty },
  });
  await runtime.request("/_local/clock", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  const tables = {
    intake: resources.tables.intake ?? "",
    "release-notices": resources.tables["release-notices"] ?? "",
  };
  const output = captureOutput();
  const figures = await runFaultScenario({
    runtime,
    injector,
    clean: resources.clients,
    tables,
    queues: Object.values(resources.queues).flatMap((q) =>
      q ? [{ url: q.url, deadLetterUrl: q.deadLetter.url }] : [],
    ),
    notices: NOTICES,
  });
  const text = output.stop();

  const injected = Object.values(figures.injected).reduce((n, c) => n + c.before + c.after, 0);
  expect(injected).toBeGreaterThan(20);
  expect(
    figures.injected.SendMessageCommand.before + figures.injected.SendMessageCommand.after,
  ).toBeGreaterThan(0);
  expect(figures).toMatchObject({
    referrals: NOTICES,
    distinctReferralNotices: NOTICES,
    reported: NOTICES,
    outboxLeft: 0,
    deadLettersLeft: 0,
  });
  // What did reach a dead-letter queue was handled once redriven, and doubled nothing (above).
  expect(figures.redriven).toBeGreaterThanOrEqual(figures.deadLetters);
  // Every failure is visible: each 500 answer logged an unhandled error, each unsent event a warning.
  const lines = (message: string) =>
    text.split("\n").filter((l) => l.includes(`"message":"${message}"`)).length;
  expect(lines("unhandled error")).toBeGreaterThanOrEqual(figures.serverErrors);
  expect(figures.serverErrors).toBeGreaterThan(0);
  expect(lines("event left in outbox")).toBeGreaterThan(0);
  expect(text).toContain('"OutboxOldestAgeSeconds"');
}, 300_000);
