/**
 * POST /v1/release-notices/{noticeId}/plan: the municipality's staff record contact made and plan
 * ready; the deadline is met when the plan is ready before the release day begins.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { noticeViewSchema } from "../../../services/release-notices/contract";
import { problemSchema } from "../../../shared/http/problem";
import {
  type Answer,
  KRIMINALVARDEN,
  noticeBody,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  staff,
} from "../../support/release-notices";

const NOW = new Date("2026-01-14T23:30:00Z");
const LATER = new Date("2026-02-10T09:00:00Z");
const STAFF = staff("0880", "handlaggare-7");

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(NOW);
});
beforeEach(() => {
  f.clock.set(NOW);
});

const problemOf = (answer: Answer) => {
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

const posted = async () => {
  const body = noticeBody({ expectedReleaseDate: "2026-06-15" });
  expect((await f.h.post(body)).status).toBe(201);
  return body.noticeId;
};

describe("recording the plan", () => {
  it("contact made moves the notice to planning, for staff and for Kriminalvården", async () => {
    const noticeId = await posted();
    f.clock.set(LATER);
    const answer = await f.h.plan(noticeId, { milestone: "contact-made", note: "Ringt anstalten" }, STAFF);
    expect(answer.status).toBe(200);
    const view = noticeViewSchema.parse(answer.body);
    expect(view.status).toBe("planning");
    expect(view.planDeadline.state).toBe("open");
    expect(view.milestones).toEqual([
      { milestone: "contact-made", at: LATER.toISOString(), by: "handlaggare-7", note: "Ringt anstalten" },
    ]);
    expect((await f.h.get(noticeId, KRIMINALVARDEN)).body).toMatchObject({ status: "planning" });
    expect((await f.audit(noticeId)).map((row) => row.action)).toContain("milestone:contact-made");
  });

  it("plan ready before the release day meets the deadline and sends one release-plan.ready (byReleaseDate)", async () => {
    const noticeId = await posted();
    await f.h.plan(noticeId, { milestone: "contact-made" }, STAFF);
    f.clock.set(LATER);
    const answer = await f.h.plan(noticeId, { milestone: "plan-ready" }, STAFF);
    expect(answer.status).toBe(200);
    const view = noticeViewSchema.parse(answer.body);
    expect(view.status).toBe("plan-ready");
    expect(view.planDeadline).toMatchObject({ dueDate: "2026-06-15", state: "met" });

    const ready = await f.events.about(noticeId, "release-plan.ready");
    // Intake meets its release referral's deadline with it; pilot reports count it.
    expect(ready.map((r) => r.queue).sort()).toEqual(["intake", "pilot-reports"]);
    expect(ready[0]?.event.municipality).toBe("0880");
    expect(ready[0]?.event.data).toEqual({
      noticeId,
      readyAt: LATER.toISOString(),
      planDueDate: "2026-06-15",
      byReleaseDate: true,
    });
    expect(await f.events.about(noticeId, "deadline.breached")).toHaveLength(0);
    expect((await f.h.get(noticeId, STAFF)).body).toMatchObject({ planDeadline: { state: "met" } });
  });

  it("plan ready a second time answers 200 and sends nothing more", async () => {
    const noticeId = await posted();
    const first = await f.h.plan(noticeId, { milestone: "plan-ready" }, STAFF);
    f.clock.set(LATER);
    const again = await f.h.plan(noticeId, { milestone: "plan-ready" }, STAFF);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Once per subscribed queue (intake and pilot reports): one event.
    expect(new Set((await f.events.about(noticeId, "release-plan.ready")).map((r) => r.event.id)).size).toBe(
      1,
    );
  });

  it("on a withdrawn notice answers 409 and records nothing", async () => {
    const noticeId = await posted();
    expect((await f.h.withdraw(noticeId)).status).toBe(200);
    const before = await f.stored(noticeId);
    for (const milestone of ["contact-made", "plan-ready"]) {
      const answer = await f.h.plan(noticeId, { milestone }, STAFF);
      expect(answer.status).toBe(409);
      problemOf(answer);
    }
    expect(await f.stored(noticeId)).toEqual(before);
    expect(await f.events.about(noticeId, "release-plan.ready")).toHaveLength(0);
  });

  it("is refused to Kriminalvården (403: the route needs release-notices:manage)", async () => {
    const noticeId = await posted();
    const answer = await f.h.plan(noticeId, { milestone: "plan-ready" }, KRIMINALVARDEN);
    expect(answer.status).toBe(403);
    problemOf(answer);
    expect((await f.h.get(noticeId)).body).toMatchObject({ status: "received" });
  });

  it("is refused to staff who may only read (403)", async () => {
    const noticeId = await posted();
    const readOnly = { sub: "reader", scope: "release-notices:read", municipality: "0880" };
    expect((await f.h.plan(noticeId, { milestone: "contact-made" }, readOnly)).status).toBe(403);
  });

  it("by staff of another municipality answers 404 and records nothing", async () => {
    const noticeId = await posted();
    const before = await f.stored(noticeId);
    const answer = await f.h.plan(noticeId, { milestone: "plan-ready" }, staff("0180"));
    expect(answer.status).toBe(404);
    expect(await f.stored(noticeId)).toEqual(before);
    expect(await f.events.about(noticeId, "release-plan.ready")).toHaveLength(0);
  });

  it("with an unknown milestone answers 400 naming it", async () => {
    const noticeId = await posted();
    const answer = await f.h.plan(noticeId, { milestone: "done" }, STAFF);
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["milestone"]);
  });

  it("for a notice nobody posted answers 404", async () => {
    expect((await f.h.plan("KV-never-posted", { milestone: "plan-ready" }, STAFF)).status).toBe(404);
  });
});
