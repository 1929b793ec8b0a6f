import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  type PostOutcome,
  postNotices,
  type RuntimeProcess,
  releaseNotices,
  releaseReferralSources,
  startRuntimeProcess,
  tick,
  tokensFor,
} from "./support/runtime-process";

/**
 * Issue 17: Kriminalvården posts release notices while `npm start` is stopped or killed part way;
 * after a restart on the same data and a retry of every notice, each notice is exactly one
 * referral in intake. Each test starts the whole runtime twice (DynamoDB Local included).
 */
const NOTICES = 40;
const CONCURRENCY = 8;

let runtimes: RuntimeProcess[] = [];
let dataDir: string | undefined;
afterEach(async () => {
  for (const runtime of runtimes) runtime.signal("SIGKILL");
  await Promise.all(runtimes.map((r) => r.exited));
  runtimes = [];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const start = async (dir: string, previous?: RuntimeProcess): Promise<RuntimeProcess> => {
  const runtime = await startRuntimeProcess(dir, previous ? { ports: previous.ports } : {});
  runtimes.push(runtime);
  return runtime;
};

/**
 * Posts every notice and, once half of them were answered 201, stops the runtime with `signal` while
 * the other requests are still on their way. Returns each notice's outcome.
 */
const postAndStopPartWay = async (
  runtime: RuntimeProcess,
  token: string,
  notices: ReturnType<typeof releaseNotices>,
  signal: NodeJS.Signals,
): Promise<Map<string, PostOutcome>> => {
  let created = 0;
  return postNotices(runtime.url, token, notices, {
    concurrency: CONCURRENCY,
    onAnswer: (_, outcome) => {
      if (outcome === 201 && ++created === NOTICES / 2) runtime.signal(signal);
    },
  });
};

/** Restarts on the same data, retries every notice, ticks, and checks the referrals in intake. */
const restartAndCheck = async (
  dir: string,
  previous: RuntimeProcess,
  notices: ReturnType<typeof releaseNotices>,
  before: Map<string, PostOutcome>,
): Promise<void> => {
  const tokens = await tokensFor(dir);
  const runtime = await start(dir, previous);
  const retried = await postNotices(runtime.url, tokens.kriminalvarden, notices, {
    concurrency: CONCURRENCY,
  });
  for (const { noticeId } of notices) {
    // The API says 200 for a notice it already has, 201 for one it had not received.
    const expected = before.get(noticeId) === 201 ? [200] : [200, 201];
    expect(expected, `${noticeId}: ${before.get(noticeId)} then ${retried.get(noticeId)}`).toContain(
      retried.get(noticeId),
    );
  }
  // The outbox sweep leaves a row younger than 30 s to the send that wrote it; a row whose send
  // the kill cut off is swept once it is that old. Tick until every notice is in, or 90 s.
  const until = Date.now() + 90_000;
  let sources: string[] = [];
  for (;;) {
    expect(await tick(runtime.url), runtime.output()).toBe(200);
    sources = await releaseReferralSources(runtime.url, tokens.intakeStaff);
    if (sources.length >= notices.length || Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  // Every notice answered 201, before the stop or at the retry, is exactly one referral.
  expect(sources.sort()).toEqual(notices.map((n) => n.noticeId).sort());

  runtime.signal("SIGTERM");
  expect(await runtime.exited).toBe(0);
};

describe("the local runtime after a crash or a stop mid-load", () => {
  it("turns every notice answered 201 before a kill -9 of its process group into exactly one referral", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ny-riktning-crash-"));
    const notices = releaseNotices(NOTICES, "crash");
    const first = await start(dataDir);
    const { kriminalvarden } = await tokensFor(dataDir);

    const before = await postAndStopPartWay(first, kriminalvarden, notices, "SIGKILL");
    expect(await first.exited).toBeNull();
    const created = [...before.values()].filter((o) => o === 201).length;
    expect(created).toBeGreaterThanOrEqual(NOTICES / 2);
    expect(created).toBeLessThan(NOTICES);

    await restartAndCheck(dataDir, first, notices, before);
  }, 240_000);

  it("finishes the requests in hand on SIGTERM, stops cleanly, and loses nothing", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ny-riktning-stop-"));
    const notices = releaseNotices(NOTICES, "stop");
    const first = await start(dataDir);
    const { kriminalvarden } = await tokensFor(dataDir);

    const before = await postAndStopPartWay(first, kriminalvarden, notices, "SIGTERM");
    expect(await first.exited, first.output()).toBe(0);
    // Requests being answered when the stop began got their answer; later ones were turned away
    // (503) or found nobody listening. None failed half way.
    for (const outcome of before.values()) expect([201, 503, "no answer"]).toContain(outcome);
    expect(first.output()).not.toMatch(/\bERROR\b/);
    expect(first.output()).toContain("stopping…");

    await restartAndCheck(dataDir, first, notices, before);
  }, 240_000);
});
