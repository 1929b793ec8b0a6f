/** Intake's rules under a municipality's own settings (shared/settings), pure. */
import { describe, expect, it } from "vitest";
import { localDeadlineRules } from "../../../services/intake/domain/deadlines/local";
import { type DeadlineFacts, deadlinesOnReceipt } from "../../../services/intake/domain/deadlines/schedule";
import { investigationTarget, targetPolicyOf } from "../../../services/intake/domain/targets";

const firstOffence: DeadlineFacts = {
  kind: "police",
  child: true,
  firstOffence: true,
  financialAssistance: false,
};
const received = new Date("2026-03-10T09:00:00Z");
const conversation = (rules: ReturnType<typeof localDeadlineRules>) =>
  deadlinesOnReceipt(firstOffence, received, rules).find((d) => d.type === "first-offence-conversation");

describe("the first-offence conversation a municipality offers", () => {
  it("is due after the municipality's own hours", () => {
    expect(conversation(localDeadlineRules({ firstOffenceConversationHours: 24 }))?.dueAt).toBe(
      "2026-03-11T09:00:00.000Z",
    );
    expect(conversation(localDeadlineRules({ firstOffenceConversationHours: 48 }))?.dueAt).toBe(
      "2026-03-12T09:00:00.000Z",
    );
  });

  it("sets no deadline where the municipality does not offer it, and leaves the law's deadlines alone", () => {
    const rules = localDeadlineRules({ firstOffenceConversationHours: null });
    expect(conversation(rules)).toBeUndefined();
    expect(
      deadlinesOnReceipt(firstOffence, received, rules)
        .map((d) => d.type)
        .sort(),
    ).toEqual(["pre-assessment", "protection-assessment"]);
  });

  it("labels the municipality's hours as its own local agreement, not law", () => {
    const row = localDeadlineRules({ firstOffenceConversationHours: 24 }).find(
      (r) => r.type === "first-offence-conversation",
    );
    expect(row?.source).toMatchObject({ kind: "local-agreement" });
  });
});

describe("an adult investigation target", () => {
  it("is none by default, and the municipality's days when set: a target, never a deadline", () => {
    expect(targetPolicyOf({ adultInvestigationTargetDays: null })).toBeUndefined();
    const policy = targetPolicyOf({ adultInvestigationTargetDays: 60 });
    expect(policy).toEqual({ investigationDays: 60 });
    // Opened 10 March (Stockholm): the target day is 9 May, due when it ends.
    expect(investigationTarget(policy, received)).toEqual({
      type: "investigation",
      dueAt: "2026-05-09T22:00:00.000Z",
    });
  });
});
