import {
  type AuditEntryPage,
  type AuditTableDeps,
  type AuditTrailFilter,
  auditPartition,
  readAuditEntries,
} from "../../../shared/audit-trail";
import { auditSubjectKey } from "./keys";

/** One page of a notice's trail from the audit table, filtered (shared/audit-trail.ts). */
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
