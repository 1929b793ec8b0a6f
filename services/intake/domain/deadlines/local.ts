/**
 * The rules table as a municipality has it: the rows that are local agreements take the
 * municipality's settings (in force on the day the clock starts); the statutory rows are the law's
 * and no setting touches them.
 */
import type { Settings } from "../../../../shared/settings";
import { DEADLINE_RULES, type DeadlineRule } from "./rules";

/**
 * `firstOffenceConversationHours`: the conversation with a youth after a police referral of a first
 * offence is due that many hours after receipt; null, the municipality does not offer it and no
 * deadline is set.
 */
export const localDeadlineRules = (
  settings: Pick<Settings, "firstOffenceConversationHours">,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): DeadlineRule[] =>
  rules.flatMap((rule): DeadlineRule[] => {
    if (rule.type !== "first-offence-conversation") return [rule];
    const hours = settings.firstOffenceConversationHours;
    if (hours === null) return [];
    return [
      {
        ...rule,
        due: { kind: "hours", hours },
        source: {
          kind: "local-agreement",
          agreement: "the municipality's own setting (firstOffenceConversationHours)",
          says: `a conversation with the youth within ${hours} hours of a police referral of a first offence`,
        },
      },
    ];
  });
