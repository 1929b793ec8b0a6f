/** Staff reading referrals: one with its personal data, a filtered list, and the audit trail. Every read is audited. */

import { auditFilterOf } from "../../../shared/audit-trail";
import { requireStaffMunicipality } from "../../../shared/domain/caller";
import { invalid } from "../../../shared/domain/errors";
import type { AuditQuery, ReferralDetail, ReferralView } from "../contract";
import type { IntakeDeps } from "../deps";
import { isActive } from "../domain/referral";
import { type AuditEntry, listReferrals, readAuditTrail } from "../store/queries";
import { readLinks } from "../store/reads";
import { auditReads } from "../store/transaction";
import { listWorklist, type WorklistFilter } from "../store/worklist";
import type { RequestContext } from "./context";
import { readForStaff } from "./referral-changes";
import { toDetail, toView } from "./views";

const notOurCursor = () =>
  invalid("Some fields are not valid", [{ path: "query.cursor", message: "is not a cursor we issued" }]);

export const getReferral = async (
  deps: IntakeDeps,
  id: string,
  context: RequestContext,
): Promise<ReferralDetail> => {
  const now = deps.clock.now();
  const referral = await readForStaff(deps, id, context.caller);
  const keys = await deps.keys.get();
  const links = await readLinks(deps, referral.id);
  await auditReads(
    deps,
    [referral],
    { action: "read", actor: context.caller.subject, at: now },
    context.correlationId,
  );
  return toDetail(referral, keys, now, links);
};

export type ListQuery = WorklistFilter & {
  sort?: "due" | "received" | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** The worklists (what is late, what is mine) are due-ordered unless asked otherwise. */
const sortOf = (query: ListQuery): "due" | "received" =>
  query.sort ?? (query.overdue === true || query.assignee !== undefined ? "due" : "received");

/**
 * The municipality's referrals: the worklist (`sort=due`, active referrals, the most urgent first)
 * or every referral newest first. Each one shown is audited as listed.
 */
export const listForStaff = async (
  deps: IntakeDeps,
  query: ListQuery,
  context: RequestContext,
): Promise<{ items: ReferralView[]; cursor?: string }> => {
  const municipality = requireStaffMunicipality(context.caller);
  const now = deps.clock.now();
  const { limit, cursor, sort: _sort, ...filter } = query;
  const sort = sortOf(query);
  if (sort === "due" && filter.status !== undefined && !isActive({ status: filter.status }))
    throw invalid("Some fields are not valid", [
      { path: "query.status", message: "sort=due lists active referrals only: open or investigating" },
    ]);
  const page =
    sort === "due"
      ? await listWorklist(deps, municipality, filter, { limit, cursor }, now)
      : await listReferrals(deps, municipality, filter, { limit, cursor }, now);
  if (!page.ok) throw notOurCursor();
  await auditReads(
    deps,
    page.items,
    { action: "list", actor: context.caller.subject, at: now },
    context.correlationId,
  );
  return { items: page.items.map((r) => toView(r, now)), ...(page.cursor ? { cursor: page.cursor } : {}) };
};

export const auditTrailFor = async (
  deps: IntakeDeps,
  query: AuditQuery,
  context: RequestContext,
): Promise<{ items: AuditEntry[]; cursor?: string }> => {
  const referral = await readForStaff(deps, query.referral, context.caller);
  const page = await readAuditTrail(deps, referral.id, {
    limit: query.limit,
    cursor: query.cursor,
    filter: auditFilterOf(query),
  });
  if (!page.ok) throw notOurCursor();
  return { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
};
