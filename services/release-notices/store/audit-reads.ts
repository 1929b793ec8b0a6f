import {
  type AuditEntryPage,
  type AuditTrailFilter,
  readAuditEntries,
  trailAccess,
} from "../../../shared/audit-read";
import { type AuditTableDeps, auditPartition } from "../../../shared/audit-trail";
import { auditSubjectKey } from "./keys";

/** One page of a notice's trail from the audit table, filtered (shared/audit-read.ts). */
export const readNoticeAuditTrail = (
  deps: AuditTableDeps,
  noticeId: string,
  request: {
    readonly limit: number;
    readonly cursor?: string | undefined;
    readonly filter: AuditTrailFilter;
  },
): Promise<AuditEntryPage> =>
  readAuditEntries(deps, auditPartition("release-notices", auditSubjectKey(noticeId)), request);

/** Which rows of the notice's trail `municipality` reads: the notice decides, or its rows once it is gone. */
export const noticeAuditAccess = (
  deps: AuditTableDeps,
  noticeId: string,
  municipality: string,
  notice: { readonly municipality: string } | "gone",
): Promise<Pick<AuditTrailFilter, "municipality"> | undefined> =>
  trailAccess(deps, auditPartition("release-notices", auditSubjectKey(noticeId)), municipality, notice);
