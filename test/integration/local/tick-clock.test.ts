import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { provisionForTest } from "../../support/aws";
import { readRecord } from "../../support/fixtures/fake-service/records";
import { FAKE_FUNCTIONS, fakeService } from "../../support/fixtures/fake-service/service";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const clockSchema = z.object({ now: z.string(), pinned: z.boolean() });
const tickSchema = z.object({
  ok: z.boolean(),
  drained: z.boolean(),
  schedules: z.array(z.object({ id: z.string(), ok: z.boolean() })),
  queues: z.array(
    z.object({ consumer: z.string(), received: z.number(), succeeded: z.number(), deadLetters: z.number() }),
  ),
  unconsumed: z.array(z.object({ queue: z.string(), visible: z.number(), inFlight: z.number() })),
});

let runtime: TestRuntime;
let token: string;
beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [fakeService([FAKE_FUNCTIONS.clock, FAKE_FUNCTIONS.consumer, FAKE_FUNCTIONS.sweep])],
    resources: await provisionForTest(["intake"]),
  });
  token = await runtime.token({ scope: "fake:read" });
});
afterAll(() => runtime?.stop());

const handlerNow = async (): Promise<string> =>
  z.object({ now: z.string() }).parse(await (await runtime.request("/v1/fake/clock", { token })).json()).now;

describe("POST /_local/clock", () => {
  it("pins the time every handler sees, and releases it with null", async () => {
    const pinned = await runtime.request("/_local/clock", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ now: "2030-01-15T09:00:00+01:00" }),
    });
    expect(pinned.status).toBe(200);
    expect(clockSchema.parse(await pinned.json())).toEqual({ now: "2030-01-15T08:00:00.000Z", pinned: true });
    expect(await handlerNow()).toBe("2030-01-15T08:00:00.000Z");
    // Tokens are still checked against the real time, as API Gateway would.
    expect((await runtime.request("/v1/fake/clock", { token })).status).toBe(200);

    const released = await runtime.request("/_local/clock", {
      method: "POST",
      headers: json,
      body: '{"now":null}',
    });
    expect(clockSchema.parse(await released.json()).pinned).toBe(false);
    expect(Math.abs(Date.parse(await handlerNow()) - Date.now())).toBeLessThan(5_000);
    expect(clockSchema.parse(await (await runtime.request("/_local/clock")).json()).pinned).toBe(false);
  });
});

describe("POST /_local/tick", () => {
  it("runs every schedule once at the runtime's time and drains what they queued through the consumers", async () => {
    await runtime.request("/_local/clock", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ now: "2031-06-01T12:00:00Z" }),
    });
    const response = await runtime.request("/_local/tick", { method: "POST", headers: json });
    expect(response.status).toBe(200);
    const summary = tickSchema.parse(await response.json());
    expect(summary).toMatchObject({
      ok: true,
      drained: true,
      schedules: [{ id: "fake-sweep", ok: true }],
      queues: [{ consumer: "fake-consumer", received: 1, succeeded: 1, deadLetters: 0 }],
      // pilot-reports and release-notices have a queue but no consumer in this runtime.
      unconsumed: [
        { queue: expect.stringMatching(/-pilot-reports$/), visible: 0, inFlight: 0 },
        { queue: expect.stringMatching(/-release-notices$/), visible: 0, inFlight: 0 },
      ],
    });
    const table = runtime.resources.testRuntime("intake");
    const sweep = await readRecord(table, "sweep");
    expect(sweep?.fields).toMatchObject({
      lastRun: "2031-06-01T12:00:00.000Z",
      eventTime: "2031-06-01T12:00:00Z",
      source: "aws.events",
    });
    expect((await readRecord(table, "msg#sweep-2031-06-01T12:00:00.000Z"))?.count).toBe(1);
    await runtime.request("/_local/clock", { method: "POST", headers: json, body: '{"now":null}' });
  });

  it("runs one tick at a time", async () => {
    const [a, b] = await Promise.all([runtime.tick(), runtime.tick()]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.queues[0]?.received).toBe(1);
    expect(b.queues[0]?.received).toBe(1);
    expect((await readRecord(runtime.resources.testRuntime("intake"), "sweep"))?.count).toBe(3);
  });
});
