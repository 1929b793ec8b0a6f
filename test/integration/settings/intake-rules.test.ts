/**
 * Intake's rules under a municipality's own settings, through the real handlers against DynamoDB
 * Local: Kalmar does not offer the first-offence conversation, sends young adults' police
 * referrals to Mottag vuxen and sets a 30-day target for an adult's investigation; Borås keeps the
 * defaults.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { referralViewSchema } from "../../../services/intake/contract";
import {
  ADULT,
  CHILD,
  desk,
  type IntakeFixture,
  intakeFixture,
  referralBody,
  staff,
  YOUNG_ADULT,
} from "../../support/intake";
import { settingsAdmin, settingsHandlers } from "../../support/settings";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = "0880";
const BORAS = "1490";

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
  const put = await settingsHandlers(f.deps).put(
    KALMAR,
    {
      effectiveFrom: "2026-11-23",
      firstOffenceConversationHours: null,
      routing: [{ unit: "mottag-vuxen", kinds: ["police"], minAge: 18, maxAge: 30 }],
      adultInvestigationTargetDays: 30,
    },
    settingsAdmin(KALMAR),
  );
  expect(put.status).toBe(200);
});

const post = async (municipality: string, overrides: Parameters<typeof referralBody>[0]) => {
  const answer = await f.h.post(referralBody({ municipality, ...overrides }), desk(municipality));
  expect(answer.status).toBe(201);
  return referralViewSchema.parse(answer.body);
};

describe("a municipality's own rules on receipt", () => {
  it("no first-offence conversation where the municipality does not offer it; 48 hours by default", async () => {
    const police = {
      kind: "police" as const,
      firstOffence: true,
      subject: { personalIdentityNumber: CHILD.thirteen },
    };
    const kalmar = await post(KALMAR, police);
    expect(kalmar.deadlines.map((d) => d.type)).toEqual(["protection-assessment", "pre-assessment"]);
    const boras = await post(BORAS, police);
    expect(boras.deadlines.find((d) => d.type === "first-offence-conversation")?.dueAt).toBe(
      "2026-11-25T09:00:00.000Z",
    );
  });

  it("routes by the municipality's overrides first, a child still to Mottag barn", async () => {
    const youngAdult = { kind: "police" as const, subject: { personalIdentityNumber: YOUNG_ADULT.thirteen } };
    expect((await post(KALMAR, youngAdult)).unit).toBe("mottag-vuxen");
    expect((await post(BORAS, youngAdult)).unit).toBe("utredning-unga-vuxna");
    const child = { kind: "police" as const, subject: { personalIdentityNumber: CHILD.thirteen } };
    expect((await post(KALMAR, child)).unit).toBe("mottag-barn");
  });
});

describe("an adult investigation target", () => {
  it("is set from the municipality's days when the investigation opens: a target, never a deadline", async () => {
    const adult = { kind: "concern" as const, subject: { personalIdentityNumber: ADULT.thirteen } };
    const kalmar = await post(KALMAR, adult);
    const decided = await f.h.decision(
      kalmar.id,
      { openInvestigation: true, reason: "Behov." },
      staff(KALMAR),
    );
    expect(decided.status).toBe(200);
    const view = referralViewSchema.parse(decided.body);
    // Opened 23 November: the 30th day is 23 December, due when it ends.
    expect(view.target).toEqual({ type: "investigation", dueAt: "2026-12-23T23:00:00.000Z", state: "open" });
    expect(view.deadlines.map((d) => d.type)).not.toContain("investigation");

    const boras = await post(BORAS, adult);
    const other = await f.h.decision(boras.id, { openInvestigation: true, reason: "Behov." }, staff(BORAS));
    expect(referralViewSchema.parse(other.body).target).toBeUndefined();
  });
});
