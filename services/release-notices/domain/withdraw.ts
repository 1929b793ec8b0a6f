import type { Caller } from "../../../shared/domain/caller";
import { type Decision, ok } from "../../../shared/domain/errors";
import { releaseNoticeWithdrawn } from "../../../shared/events/catalogue/release-notices";
import { reachableBySender } from "./access";
import type { Notice, WithdrawalReason } from "./notice";
import { changed, draft, type Outcome, transition, unchanged } from "./transition";

/**
 * Kriminalvården withdraws a notice (the sentence changed, a transfer): the plan deadline stops
 * and no reminder or breach follows. Withdrawing twice is the same as once.
 */
export const decideWithdraw = (
  current: Notice | undefined,
  reason: WithdrawalReason | undefined,
  caller: Caller,
  now: Date,
): Decision<Outcome> => {
  const reached = reachableBySender(current, caller);
  if (!reached.ok) return reached;
  const notice = reached.value;
  if (notice.status === "withdrawn") return ok(unchanged(notice));
  const withdrawn: Notice = {
    ...notice,
    status: "withdrawn",
    updatedAt: now.toISOString(),
    withdrawal: { at: now.toISOString(), ...(reason ? { reason } : {}) },
  };
  return ok(
    changed(
      transition(
        withdrawn,
        now,
        [
          draft(releaseNoticeWithdrawn, {
            noticeId: notice.noticeId,
            withdrawnAt: now.toISOString(),
            subjectRef: notice.subjectRef,
          }),
        ],
        { action: "withdraw", actor: caller.subject, at: now },
      ),
    ),
  );
};
