import {
  type AuditEntryPage,
  type AuditTrailFilter,
  readAuditEntries,
  trailAccess,
} from "../../../shared/audit-read";
import { auditPartition } from "../../../shared/audit-trail";
import { auditSubject } from "./audit-trail";
import type { TableDeps } from "./table";

type Request = {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly filter: AuditTrailFilter;
};

/** One page of a triage's or a schedule's trail from the audit table, filtered (shared/audit-read.ts). */
export const readHotlineAuditTrail = (
  deps: Pick<TableDeps, "doc" | "auditTableName">,
  subject: { readonly triage: string } | { readonly schedule: string },
  request: Request,
): Promise<AuditEntryPage> =>
  readAuditEntries(
    deps,
    auditPartition(
      "hotline",
      "triage" in subject ? auditSubject.triage(subject.triage) : auditSubject.schedule(subject.schedule),
    ),
    request,
  );

/** Which rows of a triage's trail `municipality` reads: the triage decides, or its rows once it is gone. */
export const triageAuditAccess = (
  deps: Pick<TableDeps, "doc" | "auditTableName">,
  triageId: string,
  municipality: string,
  triage: { readonly municipality: string } | "gone",
): Promise<Pick<AuditTrailFilter, "municipality"> | undefined> =>
  trailAccess(deps, auditPartition("hotline", auditSubject.triage(triageId)), municipality, triage);
