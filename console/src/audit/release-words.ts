import { t } from "../i18n";

const words = t.auditTrail.releaseActions;

/** A release notice's audit row in words: `milestone:<milestone>` with the milestone, others by name. */
export const releaseActionWords = (action: string): string => {
  const [name, detail] = action.split(":");
  if (name === "milestone") {
    const milestone = detail as keyof typeof t.milestone | undefined;
    return words.milestone(milestone && milestone in t.milestone ? t.milestone[milestone] : (detail ?? ""));
  }
  const known = words[action as keyof typeof words];
  return typeof known === "string" ? known : t.auditTrail.other(action);
};
