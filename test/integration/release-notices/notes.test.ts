/**
 * Issue 13: the staff's notes on plan milestones are stored sealed (AES-256-GCM, as the identity
 * number is), bound to their notice and milestone, and opened only in the staff's own read.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { noticeViewSchema } from "../../../services/release-notices/contract";
import { sealedSchema } from "../../../shared/events/envelope";
import {
  noticeBody,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  staff,
} from "../../support/release-notices";

const NOW = new Date("2026-01-14T23:30:00Z");
const LATER = new Date("2026-02-10T09:00:00Z");
const STAFF = staff("0880", "handlaggare-7");
const NOTE = "Mamman har hotats, ring inte hem till henne";

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(NOW);
});
beforeEach(() => {
  f.clock.set(NOW);
});

const posted = async () => {
  const body = noticeBody({ expectedReleaseDate: "2026-06-15" });
  expect((await f.h.post(body)).status).toBe(201);
  return body.noticeId;
};

const staffView = async (noticeId: string) => {
  const answer = await f.h.get(noticeId, STAFF);
  expect(answer.status).toBe(200);
  return noticeViewSchema.parse(answer.body);
};

const storedMilestones = async (noticeId: string) =>
  ((await f.stored(noticeId))?.milestones ?? []) as Record<string, unknown>[];

describe("a note on a milestone", () => {
  it("is stored sealed, never in clear, and the staff read it back in clear", async () => {
    const noticeId = await posted();
    f.clock.set(LATER);
    const answer = await f.h.plan(noticeId, { milestone: "contact-made", note: NOTE }, STAFF);
    expect(answer.status).toBe(200);
    expect(noticeViewSchema.parse(answer.body).milestones).toEqual([
      { milestone: "contact-made", at: LATER.toISOString(), by: "handlaggare-7", note: NOTE },
    ]);

    const stored = JSON.stringify(await f.stored(noticeId));
    expect(stored).not.toContain(NOTE);
    expect(stored).not.toContain("hotats");
    const [entry] = await storedMilestones(noticeId);
    expect(sealedSchema.safeParse(entry?.noteSealed).success).toBe(true);
    expect(entry).not.toHaveProperty("note");

    expect((await staffView(noticeId)).milestones[0]?.note).toBe(NOTE);
    for (const row of await f.audit(noticeId)) expect(JSON.stringify(row)).not.toContain("hotats");
    for (const { raw } of await f.events.about(noticeId)) expect(raw).not.toContain("hotats");
  });

  it("is not shown to Kriminalvården, nor to staff of another municipality", async () => {
    const noticeId = await posted();
    expect((await f.h.plan(noticeId, { milestone: "contact-made", note: NOTE }, STAFF)).status).toBe(200);
    const status = await f.h.get(noticeId);
    expect(status.status).toBe(200);
    expect(status.raw).not.toContain("hotats");
    const other = await f.h.get(noticeId, staff("0180"));
    expect(other.status).toBe(404);
    expect(other.raw).not.toContain("hotats");
  });

  it("copied onto another notice does not open there: the seal is bound to its notice and entry", async () => {
    const source = await posted();
    const target = await posted();
    f.clock.set(LATER);
    expect((await f.h.plan(source, { milestone: "contact-made", note: NOTE }, STAFF)).status).toBe(200);
    expect((await f.h.plan(target, { milestone: "contact-made" }, STAFF)).status).toBe(200);
    const [sealed] = await storedMilestones(source);
    const item = await f.stored(target);
    const [entry] = await storedMilestones(target);
    // Same milestone, same instant: only the notice differs.
    expect(entry?.at).toBe(sealed?.at);
    await f.overwrite({ ...item, milestones: [{ ...entry, noteSealed: sealed?.noteSealed }] });

    const answer = await f.h.get(target, STAFF);
    expect(answer.status).toBe(500);
    expect(answer.raw).not.toContain("hotats");
    expect((await staffView(source)).milestones[0]?.note).toBe(NOTE);
  });

  it("stored in clear before notes were sealed is still shown, and is sealed at the next milestone", async () => {
    const noticeId = await posted();
    f.clock.set(LATER);
    expect((await f.h.plan(noticeId, { milestone: "contact-made" }, STAFF)).status).toBe(200);
    const item = await f.stored(noticeId);
    const [entry] = await storedMilestones(noticeId);
    await f.overwrite({ ...item, milestones: [{ ...entry, note: NOTE }] });
    expect((await staffView(noticeId)).milestones[0]?.note).toBe(NOTE);

    const second = "Planen klar med frivården";
    f.clock.set(new Date("2026-02-11T09:00:00Z"));
    const answer = await f.h.plan(noticeId, { milestone: "plan-ready", note: second }, STAFF);
    expect(answer.status).toBe(200);
    expect(noticeViewSchema.parse(answer.body).milestones.map((m) => m.note)).toEqual([NOTE, second]);

    const stored = JSON.stringify(await f.stored(noticeId));
    expect(stored).not.toContain("hotats");
    expect(stored).not.toContain("frivården");
    expect(
      (await storedMilestones(noticeId)).map((m) => sealedSchema.safeParse(m.noteSealed).success),
    ).toEqual([true, true]);
    expect((await staffView(noticeId)).milestones.map((m) => m.note)).toEqual([NOTE, second]);
  });
});
