import { t } from "../i18n";

const words = t.auditTrail.hotlineActions;

const wordFor = (dictionary: Readonly<Record<string, string>>, key: string | undefined): string =>
  (key !== undefined && Object.hasOwn(dictionary, key) ? dictionary[key] : undefined) ?? key ?? "";

/** A hotline audit row in words: `step:<step>:<status>` with both, others by name. */
export const hotlineActionWords = (action: string): string => {
  const [name, step, status] = action.split(":");
  if (name === "step") return words.step(wordFor(t.triage.step, step), wordFor(t.triage.stepStatus, status));
  const known = words[action as keyof typeof words];
  return typeof known === "string" ? known : t.auditTrail.other(action);
};
