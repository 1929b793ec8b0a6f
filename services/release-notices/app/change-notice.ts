import { orThrow } from "../../../shared/domain/errors";
import { stockholmDate } from "../../../shared/time";
import type { Receipt } from "../contract-notice";
import type { UpdateNoticeBody } from "../contract-post";
import type { WithdrawalReason } from "../domain/notice";
import { checkPersonAndPlace, checkRestatedNoticeId } from "../domain/notice-input";
import { decideUpdate } from "../domain/update";
import { decideWithdraw } from "../domain/withdraw";
import { decideAndCommit } from "./commit-transition";
import type { AppDeps, RequestContext } from "./context";
import { requestHash, subjectOf } from "./personal-data";
import { toReceipt } from "./views";

/**
 * PUT: Kriminalvården restates the notice. The body may be the notice exactly as it was posted,
 * `noticeId` included; what it cannot change (the person, the municipality) is a conflict.
 */
export const updateNotice = async (
  deps: AppDeps,
  noticeId: string,
  body: UpdateNoticeBody,
  context: RequestContext,
): Promise<Receipt> => {
  const now = deps.clock.now();
  orThrow(checkRestatedNoticeId(noticeId, body.noticeId));
  const identity = orThrow(
    checkPersonAndPlace(
      { personalIdentityNumber: body.person.personalIdentityNumber, municipality: body.municipality },
      now,
    ),
  );
  const keys = await deps.keys.get();
  // The restated fields only: an update with or without its own noticeId is the same update.
  const { noticeId: _noticeId, ...restated } = body;
  const { municipality, person: _person, ...details } = restated;
  // A new release date's lead counts from today, by the lead agreed in the settings in force today.
  const settings = await deps.settings.settingsOn(municipality, stockholmDate(now));
  const command = {
    leadMonths: settings.releaseNoticeLeadMonths,
    municipality,
    details,
    subject: subjectOf(identity, keys),
    requestHash: requestHash(keys, "update", {
      ...restated,
      person: { personalIdentityNumber: identity.canonical },
    }),
  };
  const { notice } = await decideAndCommit(deps, noticeId, context.correlationId, now, (current) =>
    decideUpdate(current, command, context.caller, now),
  );
  return toReceipt(notice);
};

/** POST .../withdraw: the notice is withdrawn; withdrawing twice is the same as once. */
export const withdrawNotice = async (
  deps: AppDeps,
  noticeId: string,
  reason: WithdrawalReason | undefined,
  context: RequestContext,
): Promise<Receipt> => {
  const now = deps.clock.now();
  const { notice } = await decideAndCommit(deps, noticeId, context.correlationId, now, (current) =>
    decideWithdraw(current, reason, context.caller, now),
  );
  return toReceipt(notice);
};
