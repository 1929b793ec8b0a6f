/** GET /v1/audit: a referral's or a task's trail, for whoever holds `audit:read`. */
import { auditedMunicipality, auditFilterOf } from "../../../shared/audit-read";
import { invalid, notFound } from "../../../shared/domain/errors";
import type { AuditQuery } from "../contract-audit";
import type { IntakeDeps } from "../deps";
import {
  type AuditEntry,
  type AuditTrailSubject,
  auditTrailAccess,
  readAuditTrail,
  readTrailOwner,
} from "../store/audit-trail";
import type { RequestContext } from "./context";

const notOurCursor = () =>
  invalid("Some fields are not valid", [{ path: "query.cursor", message: "is not a cursor we issued" }]);

/**
 * A referral's or a task's trail. While the record exists, it must be the municipality's (404
 * otherwise, as on every route); once its TTL has removed it, the rows that record the
 * municipality are read (shared/audit-read.ts trailAccess). A national token names the
 * municipality. The trail itself is not audited: it holds no personal data.
 */
export const auditTrailFor = async (
  deps: IntakeDeps,
  query: AuditQuery,
  context: RequestContext,
): Promise<{ items: AuditEntry[]; cursor?: string }> => {
  const municipality = auditedMunicipality(context.caller, query.municipality);
  const subject: AuditTrailSubject =
    query.task === undefined ? { referral: query.referral ?? "" } : { task: query.task };
  const owner = await readTrailOwner(deps, subject);
  const access = await auditTrailAccess(deps, subject, municipality, owner ?? "gone");
  if (!access) throw notFound("referral" in subject ? "No referral with this id" : "No task with this id");
  const page = await readAuditTrail(deps, subject, {
    limit: query.limit,
    cursor: query.cursor,
    filter: { ...auditFilterOf(query), ...access },
  });
  if (!page.ok) throw notOurCursor();
  return { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
};
