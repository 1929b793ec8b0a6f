import type { Caller } from "../../../shared/domain/caller";
import type { AuditEntry } from "../store/audit-trail";

/** Who is asking, and the correlation id their request travels under. */
export interface Context {
  readonly caller: Caller;
  readonly correlationId: string;
}

/** The audit entry for what `context`'s caller did to `subject` at `at`. */
export const auditEntry = (
  context: Context,
  subject: { readonly key: string; readonly municipality: string },
  action: string,
  at: Date,
  expiresAt: number,
): AuditEntry => ({
  subject: subject.key,
  municipality: subject.municipality,
  actor: context.caller.subject,
  action,
  at,
  correlationId: context.correlationId,
  expiresAt,
});
