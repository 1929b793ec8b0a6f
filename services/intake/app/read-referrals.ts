/** Staff reading referrals: one with its personal data, a filtered list, and the audit trail. Every read is audited. */

import { auditedMunicipality, auditFilterOf } from "../../../shared/audit-read";
import { requireStaffMunicipality } from "../../../shared/domain/caller";
import { invalid, notFound } from "../../../shared/domain/errors";
import type { AuditQuery } from "../contract-audit";
import type { ReferralDetail } from "../contract-detail";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { isActive } from "../domain/referral";
import {
  type AuditEntry,
  type AuditTrailSubject,
  auditTrailAccess,
  listReferrals,
  readAuditTrail,
} from "../store/queries";
import { readLinks, readReferral } from "../store/reads";
import { readTask } from "../store/tasks";
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
  const record =
    "referral" in subject ? await readReferral(deps, subject.referral) : await readTask(deps, subject.task);
  const access = await auditTrailAccess(deps, subject, municipality, record ?? "gone");
  if (!access) throw notFound("referral" in subject ? "No referral with this id" : "No task with this id");
  const page = await readAuditTrail(deps, subject, {
    limit: query.limit,
    cursor: query.cursor,
    filter: { ...auditFilterOf(query), ...access },
  });
  if (!page.ok) throw notOurCursor();
  return { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
};
