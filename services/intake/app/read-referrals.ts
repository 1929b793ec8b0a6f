/**
 * One referral for the municipality's staff, with its personal data; the read is audited. The list
 * is list-referrals.ts and the trail audit-trail.ts: each function loads only its own reads.
 */
import type { ReferralDetail } from "../contract-detail";
import type { IntakeDeps } from "../deps";
import { readLinks } from "../store/links";
import { auditReads } from "../store/transaction";
import type { RequestContext } from "./context";
import { toDetail } from "./detail";
import { readForStaff } from "./referral-changes";

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
