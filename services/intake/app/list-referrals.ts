/** The municipality's referrals for its staff: the worklist, or every referral newest first; audited as listed. */
import { requireStaffMunicipality } from "../../../shared/domain/caller";
import { invalid } from "../../../shared/domain/errors";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { isActive } from "../domain/referral";
import { listReferrals } from "../store/queries";
import { auditReads } from "../store/transaction";
import { listWorklist, type WorklistFilter } from "../store/worklist";
import type { RequestContext } from "./context";
import { toView } from "./views";

const notOurCursor = () =>
  invalid("Some fields are not valid", [{ path: "query.cursor", message: "is not a cursor we issued" }]);

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
