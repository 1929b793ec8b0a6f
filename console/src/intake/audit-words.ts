import { t } from "../i18n";

/** An intake audit row's action in words: `close:<reason>` with the reason, others by name. */
export const auditActionWords = (action: string): string => {
  const [name, detail] = action.split(":");
  if (name === "close") {
    const reason = detail as keyof typeof t.referral.closure | undefined;
    return t.audit.close(
      reason && reason in t.referral.closure ? t.referral.closure[reason] : (detail ?? ""),
    );
  }
  const known = t.audit[name as keyof typeof t.audit];
  return typeof known === "string" ? known : t.audit.other(action);
};
