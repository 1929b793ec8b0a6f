/**
 * The deadline sweep (handlers/deadline-sweep.ts) with the clock pinned: reminders 60, 30 and 7
 * days before release while no plan is ready, the breach when the release day begins in Sweden,
 * each exactly once, and a sweep that reads only what is due.
 */
import { describe, expect, it } from "vitest";
import type { SweepResult } from "../../../services/release-notices/app/sweep-deadlines";
import { noticeViewSchema } from "../../../services/release-notices/contract";
import { createHandler as createSweep } from "../../../services/release-notices/handlers/deadline-sweep";
import {
  type NoticeBody,
  noticeBody,
  releaseNoticesFixture,
  staff,
  updateBody,
} from "../../support/release-notices";

const STAFF = staff("0880");

const setup = async (now: string) => {
  const f = await releaseNoticesFixture(new Date(now));
  const handler = createSweep(f.deps);
  const sweepAt = async (at: string): Promise<SweepResult> => {
    f.clock.set(new Date(at));
    return handler({}, {});
  };
  const post = async (expectedReleaseDate: string, overrides: Partial<NoticeBody> = {}) => {
    const body = noticeBody({ expectedReleaseDate, ...overrides });
    expect((await f.h.post(body)).status).toBe(201);
    return body;
  };
  const reminders = async (noticeId: string) =>
    (await f.events.about(noticeId, "release-plan.reminder")).map(
      (r) => (r.event.data as { daysBeforeRelease: number }).daysBeforeRelease,
    );
  const breaches = (noticeId: string) => f.events.about(noticeId, "deadline.breached");
  const view = async (noticeId: string) => {
    const answer = await f.h.get(noticeId, STAFF);
    expect(answer.status).toBe(200);
    return noticeViewSchema.parse(answer.body);
  };
  return { f, sweepAt, post, reminders, breaches, view };
};

/** The start of each reminder day for a 1 July 2026 release, in Swedish summer time (UTC+2). */
const SUMMER = {
  release: "2026-07-01",
  day60: "2026-05-01T22:00:00Z", // 2 May 00:00 CEST
  day30: "2026-05-31T22:00:00Z", // 1 Jun 00:00 CEST
  day7: "2026-06-23T22:00:00Z", // 24 Jun 00:00 CEST
  due: "2026-06-30T22:00:00Z", // 1 Jul 00:00 CEST
};
const minuteBefore = (iso: string) => new Date(new Date(iso).getTime() - 60_000).toISOString();

describe("reminders while no plan is ready", () => {
  it("go out once each at the start of the days 60, 30 and 7 days before release, and the breach when the release day begins", async () => {
    const { f, sweepAt, post, reminders, breaches, view } = await setup("2026-03-23T09:00:00Z");
    const { noticeId } = await post(SUMMER.release);
    expect(await sweepAt("2026-03-23T09:00:00Z")).toMatchObject({ reminders: 0, breaches: 0 });

    const stages: [string, number][] = [
      [SUMMER.day60, 60],
      [SUMMER.day30, 30],
      [SUMMER.day7, 7],
    ];
    const sent: number[] = [];
    for (const [at, days] of stages) {
      await sweepAt(minuteBefore(at));
      expect(await reminders(noticeId), `a minute before the ${days}-day reminder`).toEqual(sent);
      expect(await sweepAt(at)).toMatchObject({ reminders: 1, breaches: 0 });
      sent.push(days);
      expect(await reminders(noticeId)).toEqual(sent);
      // Sweeping again, now or later the same day, sends nothing more.
      expect(await sweepAt(at)).toMatchObject({ examined: 0, reminders: 0 });
      await sweepAt(new Date(new Date(at).getTime() + 6 * 3600_000).toISOString());
      expect(await reminders(noticeId)).toEqual(sent);
    }

    const [reminder] = await f.events.about(noticeId, "release-plan.reminder");
    expect(reminder?.queue).toBe("pilot-reports");
    expect(reminder?.event.data).toEqual({ noticeId, daysBeforeRelease: 60, planDueDate: SUMMER.release });
    expect((await view(noticeId)).planDeadline).toEqual({
      dueDate: SUMMER.release,
      state: "open",
      remindersSent: [60, 30, 7],
    });

    // A minute before the release day begins: nothing.
    await sweepAt(minuteBefore(SUMMER.due));
    expect(await breaches(noticeId)).toHaveLength(0);
    expect((await view(noticeId)).planDeadline.state).toBe("open");

    expect(await sweepAt(SUMMER.due)).toMatchObject({ breaches: 1, reminders: 0 });
    const breached = await breaches(noticeId);
    expect(breached.map((b) => b.queue)).toEqual(["pilot-reports"]);
    expect(breached[0]?.event.municipality).toBe("0880");
    expect(breached[0]?.event.data).toEqual({
      service: "release-notices",
      subject: { type: "release-notice", id: noticeId },
      deadline: "release-plan",
      dueAt: "2026-06-30T22:00:00.000Z",
      breachedAt: "2026-06-30T22:00:00.000Z",
    });
    expect((await view(noticeId)).planDeadline.state).toBe("breached");

    // Never again.
    await sweepAt(SUMMER.due);
    await sweepAt("2026-07-02T10:00:00Z");
    expect(await breaches(noticeId)).toHaveLength(1);
    expect(await reminders(noticeId)).toEqual([60, 30, 7]);
  });

  it("in winter time the breach comes at 00:00 CET (23:00 UTC the day before), not a minute sooner", async () => {
    const { sweepAt, post, breaches, view } = await setup("2026-11-28T10:00:00Z");
    const { noticeId } = await post("2026-12-01");

    expect(await sweepAt("2026-11-30T22:59:00Z")).toMatchObject({ examined: 0, breaches: 0 });
    expect((await view(noticeId)).planDeadline.state).toBe("open");
    expect(await breaches(noticeId)).toHaveLength(0);

    await sweepAt("2026-11-30T23:00:00Z");
    const breached = await breaches(noticeId);
    expect(breached).toHaveLength(1);
    expect(breached[0]?.event.data).toMatchObject({ dueAt: "2026-11-30T23:00:00.000Z" });
    expect((await view(noticeId)).planDeadline.state).toBe("breached");
  });

  it("for a notice that arrives 20 days before release, only the 7-day reminder: none of the passed ones late", async () => {
    const { sweepAt, post, reminders, view } = await setup("2026-09-30T10:00:00Z");
    const { noticeId } = await post("2026-10-20");

    for (const at of ["2026-09-30T10:00:00Z", "2026-10-01T00:00:00Z", "2026-10-10T12:00:00Z"])
      await sweepAt(at);
    expect(await reminders(noticeId)).toEqual([]);
    await sweepAt(minuteBefore("2026-10-12T22:00:00Z"));
    expect(await reminders(noticeId)).toEqual([]);
    await sweepAt("2026-10-12T22:00:00Z"); // 13 Oct 00:00 CEST
    await sweepAt("2026-10-14T08:00:00Z");
    expect(await reminders(noticeId)).toEqual([7]);
    expect((await view(noticeId)).planDeadline.remindersSent).toEqual([7]);
  });

  it("stop once the plan is ready, and never start for a withdrawn notice", async () => {
    const { f, sweepAt, post, reminders, breaches } = await setup("2026-03-23T09:00:00Z");
    const ready = await post(SUMMER.release);
    const withdrawn = await post(SUMMER.release);
    expect((await f.h.plan(ready.noticeId, { milestone: "plan-ready" }, STAFF)).status).toBe(200);
    expect((await f.h.withdraw(withdrawn.noticeId)).status).toBe(200);

    for (const at of [SUMMER.day60, SUMMER.day30, SUMMER.day7, SUMMER.due, "2026-07-02T10:00:00Z"]) {
      // Nothing of theirs is even read.
      expect(await sweepAt(at)).toEqual({
        examined: 0,
        reminders: 0,
        breaches: 0,
        skipped: 0,
        failed: 0,
        deferred: 0,
      });
    }
    for (const { noticeId } of [ready, withdrawn]) {
      expect(await reminders(noticeId)).toEqual([]);
      expect(await breaches(noticeId)).toHaveLength(0);
    }
  });

  it("follow the new date when Kriminalvården moves the release: nothing at the old date's points", async () => {
    const { f, sweepAt, post, reminders } = await setup("2026-03-23T09:00:00Z");
    const body = await post(SUMMER.release);
    await sweepAt(SUMMER.day60);
    expect(await reminders(body.noticeId)).toEqual([60]);
    // Postponed to 15 Aug, announced on 10 May.
    f.clock.set(new Date("2026-05-10T08:00:00Z"));
    expect(
      (await f.h.put(body.noticeId, updateBody(body, { expectedReleaseDate: "2026-08-15" }))).status,
    ).toBe(200);
    await sweepAt(SUMMER.day30); // the old 30-day point
    expect(await reminders(body.noticeId)).toEqual([60]);
    await sweepAt("2026-06-15T22:00:00Z"); // 16 Jun 00:00 CEST, 60 days before 15 Aug
    expect(await reminders(body.noticeId)).toEqual([60, 60]);
    await sweepAt(SUMMER.due); // the old release day: no breach, no reminder
    expect(await reminders(body.noticeId)).toEqual([60, 60]);
    expect(await f.events.about(body.noticeId, "deadline.breached")).toHaveLength(0);
    await sweepAt("2026-07-15T22:00:00Z"); // 16 Jul, 30 days before
    expect(await reminders(body.noticeId)).toEqual([60, 60, 30]);
    expect(await f.events.about(body.noticeId, "deadline.breached")).toHaveLength(0);
  });
});

describe("a plan made ready after the release day began", () => {
  it("stays breached; the plan call records the breach once when the sweep had not, and no sweep repeats it", async () => {
    const { f, sweepAt, post, breaches, view } = await setup("2026-06-28T10:00:00Z");
    const { noticeId } = await post(SUMMER.release);

    f.clock.set(new Date("2026-07-01T06:00:00Z")); // 08:00 on the release day, no sweep yet
    expect((await view(noticeId)).planDeadline.state).toBe("breached");
    const answer = await f.h.plan(noticeId, { milestone: "plan-ready" }, STAFF);
    expect(answer.status).toBe(200);
    const after = noticeViewSchema.parse(answer.body);
    expect(after.status).toBe("plan-ready");
    expect(after.planDeadline.state).toBe("breached");

    const ready = (await f.events.about(noticeId, "release-plan.ready")).filter(
      (r) => r.queue === "pilot-reports",
    );
    expect(ready).toHaveLength(1);
    expect(ready[0]?.event.data).toMatchObject({ byReleaseDate: false, readyAt: "2026-07-01T06:00:00.000Z" });
    const breached = await breaches(noticeId);
    expect(breached).toHaveLength(1);
    expect(breached[0]?.event.data).toMatchObject({
      subject: { type: "release-notice", id: noticeId },
      dueAt: "2026-06-30T22:00:00.000Z",
    });

    await sweepAt("2026-07-01T06:05:00Z");
    await sweepAt("2026-07-02T06:00:00Z");
    expect(await breaches(noticeId)).toHaveLength(1);
    expect((await view(noticeId)).planDeadline.state).toBe("breached");
  });

  it("after the sweep marked the breach: ready with byReleaseDate false, and still one breach", async () => {
    const { f, sweepAt, post, breaches, view } = await setup("2026-06-28T10:00:00Z");
    const { noticeId } = await post(SUMMER.release);
    await sweepAt(SUMMER.due);
    expect(await breaches(noticeId)).toHaveLength(1);

    f.clock.set(new Date("2026-07-01T06:00:00Z"));
    expect((await f.h.plan(noticeId, { milestone: "plan-ready" }, STAFF)).status).toBe(200);
    const ready = (await f.events.about(noticeId, "release-plan.ready")).filter(
      (r) => r.queue === "pilot-reports",
    );
    expect(ready.map((r) => (r.event.data as { byReleaseDate: boolean }).byReleaseDate)).toEqual([false]);
    await sweepAt("2026-07-02T06:00:00Z");
    expect(await breaches(noticeId)).toHaveLength(1);
    expect((await view(noticeId)).planDeadline.state).toBe("breached");
  });

  it("gets no reminders or breach for the new date when the release is then postponed: the plan is ready", async () => {
    const { f, sweepAt, post, reminders, breaches, view } = await setup("2026-06-28T10:00:00Z");
    const body = await post(SUMMER.release);
    f.clock.set(new Date("2026-07-01T06:00:00Z"));
    expect((await f.h.plan(body.noticeId, { milestone: "plan-ready" }, STAFF)).status).toBe(200);
    expect(await breaches(body.noticeId)).toHaveLength(1);

    // Later that morning the release is put off to 1 Oct.
    f.clock.set(new Date("2026-07-01T09:00:00Z"));
    const put = await f.h.put(body.noticeId, updateBody(body, { expectedReleaseDate: "2026-10-01" }));
    expect(put.status).toBe(200);
    expect((await view(body.noticeId)).status).toBe("plan-ready");

    for (const at of [
      "2026-08-01T22:00:00Z",
      "2026-08-31T22:00:00Z",
      "2026-09-23T22:00:00Z",
      "2026-09-30T22:00:00Z",
    ])
      await sweepAt(at);
    expect(await reminders(body.noticeId)).toEqual([]);
    expect(await breaches(body.noticeId)).toHaveLength(1);
  });
});

describe("what the sweep reads", () => {
  it("reads only the notices that are due: 5 of 300", { timeout: 180_000 }, async () => {
    const { f, sweepAt, reminders, breaches } = await setup("2026-03-01T10:00:00Z");
    const later: string[] = [];
    const soon: string[] = [];
    const bodies = [
      ...Array.from({ length: 295 }, () => ({ date: "2026-12-01", into: later })),
      ...Array.from({ length: 5 }, () => ({ date: "2026-03-15", into: soon })),
    ];
    // Ten at a time: a batch from Kriminalvården's side.
    for (let i = 0; i < bodies.length; i += 10) {
      await Promise.all(
        bodies.slice(i, i + 10).map(async ({ date, into }) => {
          const body = noticeBody({ expectedReleaseDate: date });
          const answer = await f.h.post(body);
          expect(answer.status).toBe(201);
          into.push(body.noticeId);
        }),
      );
    }
    await f.events.drain();

    // 8 Mar: the 7-day reminder of the five due on 15 Mar; the others' first reminder is in October.
    expect(await sweepAt("2026-03-08T12:00:00Z")).toEqual({
      examined: 5,
      reminders: 5,
      breaches: 0,
      skipped: 0,
      failed: 0,
      deferred: 0,
    });
    for (const id of soon) expect(await reminders(id)).toEqual([7]);

    // Two sweeps at once at the breach: each notice breached once, nothing else touched.
    f.clock.set(new Date("2026-03-14T23:00:00Z")); // 15 Mar 00:00 CET
    const handler = createSweep(f.deps);
    const [a, b] = await Promise.all([handler({}, {}), handler({}, {})]);
    expect(a.examined).toBeLessThanOrEqual(5);
    expect(b.examined).toBeLessThanOrEqual(5);
    expect(a.breaches + b.breaches).toBe(5);
    for (const id of soon) expect(await breaches(id)).toHaveLength(1);
    const all = await f.events.drain();
    const aboutLater = new Set(later);
    expect(
      all.filter((r) => {
        const data = r.event.data as { noticeId?: string };
        return (
          data.noticeId !== undefined &&
          aboutLater.has(data.noticeId) &&
          r.event.type !== "release-notice.received" &&
          // Each was received, and its poster told so; nothing since.
          !(r.event.type === "release-notice.status-changed" && r.event.data.status === "received")
        );
      }),
    ).toEqual([]);
  });
});
