/**
 * GET /v1/audit by person and period: the referral's trail filtered in DynamoDB (Local), page by
 * page, a bad value a 400 naming the field. (Who may read a trail at all: work.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { auditListSchema, referralViewSchema } from "../../../services/intake/contract";
import { problemSchema } from "../../../shared/http/problem";
import { type IntakeFixture, intakeFixture, referralBody, staff } from "../../support/intake";
import type { Answer } from "../../support/lambda";

/** Monday 23 November 2026, 23:30 in Sweden (22:30 UTC). */
const RECEIVED = new Date("2026-11-23T23:30:00+01:00");
/** 00:30 on the 24th in Sweden, 23:30 on the 23rd in UTC. */
const READ = new Date("2026-11-24T00:30:00+01:00");
const ASSESSED = new Date("2026-11-24T15:00:00+01:00");

const KALMAR = staff("0880", "handlaggare-kalmar");
const COLLEAGUE = staff("0880", "handlaggare-2");

let f: IntakeFixture;
let referralId: string;

beforeAll(async () => {
  f = await intakeFixture(RECEIVED);
  const posted = await f.h.post(referralBody());
  expect(posted.status).toBe(201);
  referralId = referralViewSchema.parse(posted.body).id;
  f.clock.set(READ);
  expect((await f.h.get(referralId, KALMAR)).status).toBe(200);
  f.clock.set(ASSESSED);
  expect((await f.h.protection(referralId, { immediateProtectionNeeded: false }, COLLEAGUE)).status).toBe(
    200,
  );
  expect((await f.h.get(referralId, COLLEAGUE)).status).toBe(200);
});

const who = async (query: Record<string, string>) => {
  const answer = await f.h.audit({ referral: referralId, ...query }, KALMAR);
  expect(answer.status).toBe(200);
  return auditListSchema.parse(answer.body).items.map((e) => [e.actor, e.action]);
};

const EVERYTHING = [
  ["intake-desk", "create"],
  ["handlaggare-kalmar", "read"],
  ["handlaggare-2", "protection-assessment"],
  ["handlaggare-2", "read"],
];

describe("the referral's trail, filtered", () => {
  it("is whole without filters", async () => {
    expect(await who({})).toEqual(EVERYTHING);
  });

  it("by the person acting, pages filled past what the filter drops", async () => {
    expect(await who({ actor: "handlaggare-2" })).toEqual(EVERYTHING.slice(2));
    const first = await f.h.audit({ referral: referralId, actor: "handlaggare-2", limit: "1" }, KALMAR);
    const page = auditListSchema.parse(first.body);
    expect(page.items.map((e) => e.action)).toEqual(["protection-assessment"]);
    expect(await who({ actor: "handlaggare-2", limit: "1", cursor: page.cursor ?? "" })).toEqual([
      ["handlaggare-2", "read"],
    ]);
  });

  it("by Swedish calendar days: the read at 00:30 on the 24th is the 24th's, not the 23rd's", async () => {
    expect(await who({ from: "2026-11-23", to: "2026-11-23" })).toEqual(EVERYTHING.slice(0, 1));
    expect(await who({ from: "2026-11-24" })).toEqual(EVERYTHING.slice(1));
    expect(await who({ from: "2026-11-24", actor: "handlaggare-kalmar" })).toEqual([EVERYTHING[1]]);
    expect(await who({ from: "2026-11-25" })).toEqual([]);
  });

  it("by instants, both ends included", async () => {
    const at = READ.toISOString();
    expect(await who({ from: at, to: at })).toEqual([EVERYTHING[1]]);
    expect(await who({ to: "2026-11-24T14:59:59.999+01:00" })).toEqual(EVERYTHING.slice(0, 2));
    expect(await who({ from: "2026-11-24T15:00:00+01:00", to: "2026-11-24T15:00:00+01:00" })).toEqual(
      EVERYTHING.slice(2),
    );
  });

  it("refuses a bad value with a 400 naming the field, and reads nothing then", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: "2026-11-31" }, "query.from"],
      [{ to: "24/11/2026" }, "query.to"],
      [{ from: "2026-11-24", to: "2026-11-23" }, "query.to"],
      [{ actor: "   " }, "query.actor"],
    ];
    for (const [query, field] of cases) {
      const answer: Answer = await f.h.audit({ referral: referralId, ...query }, KALMAR);
      expect(answer.status).toBe(400);
      expect(
        problemSchema()
          .parse(answer.body)
          .errors?.map((e) => e.path),
      ).toEqual([field]);
    }
  });
});
