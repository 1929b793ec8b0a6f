/**
 * The checks a report passes before anything is written: the people it names, with or without a
 * number, the date received and dating a report back, the municipality, and access.
 */
import { describe, expect, it } from "vitest";
import {
  checkReport,
  checkRulesInForce,
  type ReportInput,
  type SubjectInput,
} from "../../../services/intake/domain/report-checks";
import { allowed, at, refusal } from "./referral-fixture";

const NOW = at("2026-11-23T10:00:00+01:00");
const PIN = "20120510-1239";

const check = (overrides: Partial<ReportInput> = {}, caller = {}, now = NOW) =>
  checkReport(
    {
      municipality: "0880",
      subjects: [{ path: "subject", subject: { personalIdentityNumber: PIN } }],
      ...overrides,
    },
    caller,
    now,
  );
const people = (...subjects: SubjectInput[]) =>
  subjects.map((subject, i) => ({ path: `subjects.${i}`, subject }));

describe("the people a report names", () => {
  it("takes a number, a name with a birth date, or a name with an approximate age", () => {
    const checked = allowed(
      check({
        subjects: people(
          { personalIdentityNumber: PIN },
          { name: "Ali", birthDate: "2015-03-01" },
          { name: "Sara", approximateAge: 6 },
        ),
      }),
    );
    expect(checked.subjects.map((s) => s.kind)).toEqual(["identified", "born", "approximate"]);
    expect(checked.subjects[0]?.kind === "identified" && checked.subjects[0].identity.canonical).toBe(
      "201205101239",
    );
  });

  it("refuses a wrong check digit, a birth date after the day received, and one person twice", () => {
    expect(refusal(check({ subjects: people({ personalIdentityNumber: "20120510-1238" }) })).fields).toEqual([
      "subjects.0.personalIdentityNumber",
    ]);
    expect(refusal(check({ subjects: people({ name: "Ali", birthDate: "2026-11-24" }) })).fields).toEqual([
      "subjects.0.birthDate",
    ]);
    const twice = refusal(
      check({
        subjects: people({ personalIdentityNumber: PIN }, { personalIdentityNumber: "201205101239" }),
      }),
    );
    expect(twice).toEqual({ kind: "invalid", code: undefined, fields: ["subjects.1"] });
  });
});

describe("the date received", () => {
  it("takes now when no date is given, and a few minutes back without a reason", () => {
    expect(allowed(check()).receivedAt).toEqual(NOW);
    const justNow = allowed(check({ receivedAt: "2026-11-23T09:50:00+01:00" }));
    expect(justNow).toMatchObject({ receivedAt: at("2026-11-23T08:50:00Z"), backdated: false });
  });

  it("dates a report back at most 30 days, with a reason", () => {
    const back = (receivedAt: string, backdatedReason?: string) =>
      check({ receivedAt, ...(backdatedReason ? { backdatedReason } : {}) });
    expect(refusal(back("2026-11-20T08:00:00Z")).fields).toEqual(["backdatedReason"]);
    expect(allowed(back("2026-11-20T08:00:00Z", "Kom med posten.")).backdated).toBe(true);
    // Exactly 30 days back is allowed; a minute more is not, and says why (422).
    expect(back("2026-10-24T09:00:00Z", "Brev").ok).toBe(true);
    expect(refusal(back("2026-10-24T08:59:00Z", "Brev"))).toEqual({
      kind: "unprocessable",
      code: "dated-too-far-back",
      fields: ["receivedAt"],
    });
    // A reason for a report that is not dated back is a mistake worth naming.
    expect(refusal(check({ backdatedReason: "?" })).fields).toEqual(["backdatedReason"]);
  });

  it("names every bad field at once, and echoes none of them", () => {
    const refused = check({
      receivedAt: "2026-11-23T10:00:01+01:00",
      municipality: "0000",
      subjects: [{ path: "subject", subject: { personalIdentityNumber: "0000000000" } }],
    });
    expect(refusal(refused)).toEqual({
      kind: "invalid",
      code: undefined,
      fields: ["receivedAt", "subject.personalIdentityNumber", "municipality"],
    });
    if (!refused.ok) expect(JSON.stringify(refused.error.fields)).not.toContain("0000000000");
  });

  it("refuses a report dated before the rules it falls under took effect", () => {
    const child = { kind: "concern" as const, child: true, firstOffence: false, financialAssistance: false };
    // 11 kap. 1 a § took effect on 1 January 2013.
    expect(refusal(checkRulesInForce([child], at("2012-12-31T12:00:00+01:00")))).toEqual({
      kind: "unprocessable",
      code: "before-the-rules",
      fields: ["receivedAt"],
    });
    expect(checkRulesInForce([child], at("2013-01-01T00:10:00+01:00")).ok).toBe(true);
    // A report of violence by someone close falls under SOSFS 2014:4 as well, from 1 October 2014.
    expect(
      checkRulesInForce([{ ...child, closeRelativeViolence: true }], at("2014-09-30T12:00:00+02:00")).ok,
    ).toBe(false);
    // An adult's concern falls under no dated rule.
    expect(checkRulesInForce([{ ...child, child: false }], at("2010-01-01T12:00:00+01:00")).ok).toBe(true);
  });
});

describe("access", () => {
  it("lets a token bound to a municipality post for it alone; one without the claim posts for any", () => {
    expect(refusal(check({}, { municipality: "1490" }))).toEqual({
      kind: "forbidden",
      code: undefined,
      fields: ["municipality"],
    });
    expect(check({}, { municipality: "0880" }).ok).toBe(true);
    expect(check({ municipality: "1490" }).ok).toBe(true);
  });

  it("looks at bad fields before access", () => {
    expect(refusal(check({ municipality: "0000" }, { municipality: "0880" })).kind).toBe("invalid");
  });
});
