import { orThrow } from "../../../shared/domain/errors";
import { newId } from "../../../shared/ids";
import { stockholmDate } from "../../../shared/time";
import type { Receipt } from "../contract-notice";
import type { CreateNoticeBody } from "../contract-post";
import { checkPersonAndPlace } from "../domain/notice-input";
import { decideReceive } from "../domain/receive";
import { decideAndCommit } from "./commit-transition";
import type { AppDeps, RequestContext } from "./context";
import { requestHash, subjectOf } from "./personal-data";
import { toReceipt } from "./views";

/** POST: a new notice is received (201); the same notice again gets the same receipt (200). */
export const receiveNotice = async (
  deps: AppDeps,
  body: CreateNoticeBody,
  context: RequestContext,
): Promise<{ created: boolean; receipt: Receipt }> => {
  const now = deps.clock.now();
  const identity = orThrow(
    checkPersonAndPlace(
      { personalIdentityNumber: body.person.personalIdentityNumber, municipality: body.municipality },
      now,
    ),
  );
  const keys = await deps.keys.get();
  const { noticeId, municipality, person: _person, ...details } = body;
  const settings = await deps.settings.settingsOn(municipality, stockholmDate(now));
  const command = {
    leadMonths: settings.releaseNoticeLeadMonths,
    id: newId(now.getTime()),
    noticeId,
    municipality,
    details,
    subject: subjectOf(identity, keys),
    // The same notice in any key order or any form of the number hashes the same.
    requestHash: requestHash(keys, "create", {
      ...body,
      person: { personalIdentityNumber: identity.canonical },
    }),
  };
  const { notice, changed } = await decideAndCommit(
    deps,
    noticeId,
    context.correlationId,
    now,
    (existing) => decideReceive(existing, command, context.caller, now),
    { assumeNew: true },
  );
  if (changed) {
    deps.logger.info("notice received", { noticeId, leadDays: notice.leadDays, onTime: notice.onTime });
  }
  return { created: changed, receipt: toReceipt(notice) };
};
