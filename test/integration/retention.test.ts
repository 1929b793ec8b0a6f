/**
 * Gallring as stored: each record's DynamoDB TTL is its rule's date, a new entry moves it, and its
 * audit rows (in the audit table) are kept longer. DynamoDB Local never deletes by TTL, so these
 * assert the attributes DynamoDB's TTL deletes by.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { referralViewSchema } from "../../services/intake/contract";
import { referralAuditExpiry, referralExpiry } from "../../services/intake/domain/retention";
import { noticeExpiry } from "../../services/release-notices/domain/retention";
import { epochSecondsOf } from "../../shared/retention";
import { type IntakeFixture, intakeFixture, personnummer, referralBody, staff } from "../support/intake";
import { noticeBody, type ReleaseNoticesFixture, releaseNoticesFixture } from "../support/release-notices";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = staff("0880", "handlaggare-kalmar");

const expiresAt = (item: Record<string, unknown> | undefined): number | undefined =>
  item?.expiresAt === undefined ? undefined : Number(item.expiresAt);

describe("intake: a referral and its audit rows", () => {
  let f: IntakeFixture;
  beforeAll(async () => {
    f = await intakeFixture(NOW);
  });

  const post = async (body: Parameters<typeof referralBody>[0] = {}) => {
    const answer = await f.h.post(referralBody(body));
    expect(answer.status).toBe(201);
    return referralViewSchema.parse(answer.body).id;
  };

  it("expires five years after its last entry, moves with a new entry, and its audit rows outlive it", async () => {
    f.clock.set(NOW);
    const id = await post();
    const received = await f.stored(id);
    // Received 23 November 2026: deletable from 24 November 2031, 00:00 in Sweden.
    expect(expiresAt(received)).toBe(epochSecondsOf(new Date("2031-11-23T23:00:00Z")));

    f.clock.set(new Date("2027-01-12T09:00:00+01:00"));
    const assessed = await f.h.protection(id, { immediateProtectionNeeded: false }, KALMAR);
    expect(assessed.status).toBe(200);
    const after = await f.stored(id);
    expect(expiresAt(after)).toBe(epochSecondsOf(new Date("2032-01-12T23:00:00Z")));
    const expected = referralExpiry({
      decision: undefined,
      status: "open",
      municipality: "0880",
      updatedAt: String(after?.updatedAt),
    });
    expect(expiresAt(after)).toBe(expected && epochSecondsOf(expected));

    const rows = await f.auditRows(id);
    expect(rows.map((r) => r.action)).toEqual(["create", "protection-assessment"]);
    for (const row of rows) expect(Number(row.expiresAt)).toBeGreaterThan(Number(expiresAt(after)));
    // The row written with the last entry is kept two years beyond the referral as it now stands.
    const last = rows.at(-1);
    const auditDate = referralAuditExpiry({
      status: "open",
      municipality: "0880",
      updatedAt: String(after?.updatedAt),
    });
    expect(Number(last?.expiresAt)).toBe(auditDate && epochSecondsOf(auditDate));
    // The intake table holds no audit row: they live apart.
    expect(rows.every((r) => String(r.pk).startsWith("intake#"))).toBe(true);
  });

  it("keeps a referral about a person born on the 15th, and its audit rows, with no TTL (research)", async () => {
    f.clock.set(NOW);
    const id = await post({ subject: { personalIdentityNumber: personnummer("20120515", "123").thirteen } });
    expect(expiresAt(await f.stored(id))).toBeUndefined();
    expect((await f.stored(id))?.keptForResearch).toBe(true);
    const rows = await f.auditRows(id);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.expiresAt).toBeUndefined();
  });
});

describe("release-notices: a notice and its audit rows", () => {
  let f: ReleaseNoticesFixture;
  beforeAll(async () => {
    f = await releaseNoticesFixture(NOW);
  });

  it("expires a year after release and its audit rows after it", async () => {
    // Three months ahead of release, as Kriminalvården posts them.
    const body = noticeBody({ expectedReleaseDate: "2027-03-01" });
    expect((await f.h.post(body)).status).toBe(201);
    const { noticeId } = body;
    const stored = await f.stored(noticeId);
    const expected = noticeExpiry({
      expectedReleaseDate: String(stored?.expectedReleaseDate),
      updatedAt: String(stored?.updatedAt),
    });
    expect(expiresAt(stored)).toBe(epochSecondsOf(expected));
    const rows = await f.audit(noticeId);
    expect(rows.length).toBeGreaterThan(0);
    // 1 March 2027 + 365 days (2028 is a leap year) is 29 February 2028, 00:00 in Sweden.
    expect(expiresAt(stored)).toBe(epochSecondsOf(new Date("2028-02-28T23:00:00Z")));
    for (const row of rows) expect(Number(row.expiresAt)).toBeGreaterThan(Number(expiresAt(stored)));
  });
});
