/**
 * The worklist (`sort=due`) against DynamoDB Local: active referrals only, the most urgent first
 * across units, the overdue view as a key range, "mine", closed referrals leaving it, and its cursor.
 */
import { describe, expect, it } from "vitest";
import { referralListSchema, referralViewSchema } from "../../../services/intake/contract";
import { intakeFixture, referralBody, staff, YOUNG_ADULT } from "../../support/intake";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = staff("0880", "handlaggare-kalmar");
const BORAS = staff("1490", "handlaggare-boras");

describe("the worklist", () => {
  it("lists active referrals by their earliest step still to do, across units, and pages in that order", async () => {
    const f = await intakeFixture(NOW);
    const post = async (overrides: Parameters<typeof referralBody>[0]) => {
      // A report dated back (it came on paper) says why, as the rules ask.
      const backdated = overrides?.receivedAt ? { backdatedReason: "Inkom på papper." } : {};
      const answer = await f.h.post(referralBody({ ...backdated, ...overrides }));
      expect(answer.status).toBe(201);
      return referralViewSchema.parse(answer.body);
    };
    const list = async (query: Record<string, string>, claims = KALMAR) => {
      const answer = await f.h.list(query, claims);
      expect(answer.status).toBe(200);
      return referralListSchema.parse(answer.body);
    };
    // Received newest last, but the oldest is the most urgent: a protection assessment due first.
    const late = await post({ receivedAt: "2026-11-20T10:00:00+01:00" });
    const today = await post({ receivedAt: "2026-11-22T10:00:00+01:00" });
    const adult = await post({
      kind: "self-referral",
      reporter: { role: "self" },
      subject: { personalIdentityNumber: YOUNG_ADULT.thirteen },
    });
    const fresh = await post({});
    const closed = await post({ receivedAt: "2026-11-19T10:00:00+01:00" });
    expect((await f.h.close(closed.id, { reason: "merged" }, KALMAR)).status).toBe(200);

    const due = await list({ sort: "due" });
    // The adult has no deadline: after every dated step. The closed one is on no worklist.
    expect(due.items.map((r) => r.id)).toEqual([late.id, today.id, fresh.id, adult.id]);
    expect(due.cursor).toBeUndefined();
    const stored = await f.stored(closed.id);
    expect(stored?.gsi3pk).toBeUndefined();
    expect(stored?.gsi3sk).toBeUndefined();

    // Paged two at a time, the same order, each once.
    const first = await list({ sort: "due", limit: "2" });
    expect(first.cursor).toBeDefined();
    const second = await list({ sort: "due", limit: "2", cursor: first.cursor ?? "" });
    const third = second.cursor ? (await list({ sort: "due", limit: "2", cursor: second.cursor })).items : [];
    expect([...first.items, ...second.items, ...third].map((r) => r.id)).toEqual(due.items.map((r) => r.id));

    // One unit's worklist is one partition of the index.
    expect((await list({ sort: "due", unit: "mottag-barn" })).items.map((r) => r.id)).toEqual([
      late.id,
      today.id,
      fresh.id,
    ]);

    // Overdue (the default order is then by due): only what fell due by now.
    expect((await list({ overdue: "true" })).items.map((r) => r.id)).toEqual([late.id]);
    expect((await list({ overdue: "false", sort: "due" })).items.map((r) => r.id)).toEqual([
      today.id,
      fresh.id,
      adult.id,
    ]);
    f.clock.set(new Date("2026-11-24T01:00:00+01:00"));
    expect((await list({ overdue: "true" })).items.map((r) => r.id)).toEqual([late.id, today.id]);

    // Another municipality sees none of it, with or without Kalmar's cursor.
    expect((await list({ sort: "due" }, BORAS)).items).toEqual([]);
    expect((await list({ sort: "due", cursor: first.cursor ?? "" }, BORAS)).items).toEqual([]);
  });

  it("lists a caseworker's referrals as 'mine', and refuses what the worklist cannot hold", async () => {
    const f = await intakeFixture(NOW);
    const put = await f.h.putCaseworker("mottag-barn", "cw-1", { name: "Karin Lund", capacity: 5 }, KALMAR);
    expect(put.status).toBe(200);
    const ids: string[] = [];
    for (const day of ["20", "21", "22"]) {
      const answer = await f.h.post(
        referralBody({ receivedAt: `2026-11-${day}T10:00:00+01:00`, backdatedReason: "Inkom på papper." }),
      );
      ids.push(referralViewSchema.parse(answer.body).id);
    }
    const [a, b, c] = ids;
    expect((await f.h.assign(c ?? "", { caseworkerId: "cw-1" }, KALMAR)).status).toBe(200);
    expect((await f.h.assign(a ?? "", { caseworkerId: "cw-1" }, KALMAR)).status).toBe(200);
    const mine = referralListSchema.parse((await f.h.list({ assignee: "cw-1" }, KALMAR)).body);
    expect(mine.items.map((r) => r.id)).toEqual([a, c]);
    expect(mine.items.every((r) => r.assignee === "cw-1")).toBe(true);
    expect(ids).toContain(b);

    const refused = await f.h.list({ sort: "due", status: "closed" }, KALMAR);
    expect(refused.status).toBe(400);
    expect(refused.raw).toContain("query.status");
    expect((await f.h.list({ sort: "due", cursor: "bm9wZQ" }, KALMAR)).status).toBe(400);
    expect((await f.h.list({ sort: "soonest" }, KALMAR)).status).toBe(400);
  });
});
