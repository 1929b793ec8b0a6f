import { t } from "../i18n";

const words = t.auditTrail.taskActions;

/** A task's audit row in words (intake's `task-done`); an action the page does not know, by its code. */
export const taskActionWords = (action: string): string => {
  const known = words[action as keyof typeof words];
  return typeof known === "string" ? known : t.auditTrail.other(action);
};
