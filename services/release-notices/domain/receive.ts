import type { Caller } from "../../../shared/domain/caller";
import { conflict, type Decision, fail, ok, unprocessable } from "../../../shared/domain/errors";
import { releaseNoticeReceived } from "../../../shared/events/catalogue/release-notices";
import { mayPostFor } from "./access";
import { isReleaseDateInPast, leadTime } from "./lead-time";
import { type Notice, type NoticeDetails, noticeFacts, type Subject } from "./notice";
import { planDueAt } from "./plan-schedule";
import { changed, draft, type Outcome, transition, unchanged } from "./transition";

/** Kriminalvården posts a notice: `noticeId` is its idempotency key. */
export interface ReceiveCommand {
  readonly noticeId: string;
  readonly municipality: string;
  readonly details: NoticeDetails;
  readonly subject: Subject;
  /** Keyed hash of the body as posted (identity in canonical form): the same notice again is a retry. */
  readonly requestHash: string;
  /** The id we give the notice, minted by the application layer. */
  readonly id: string;
  /** The lead agreed with Kriminalvården, in the municipality's settings in force today. */
  readonly leadMonths: number;
}

export const releaseDatePassed = () =>
  unprocessable("The release date has passed", {
    fields: [{ path: "expectedReleaseDate", message: "must be today or later" }],
  });

/**
 * A first post opens the notice with its lead time and plan deadline; the same body again (even
 * after the release day, even at the same moment) is the same notice; another body under a used
 * noticeId is a conflict: changes come as updates.
 */
export const decideReceive = (
  existing: Notice | undefined,
  command: ReceiveCommand,
  caller: Caller,
  now: Date,
): Decision<Outcome> => {
  const access = mayPostFor(caller, command.municipality);
  if (!access.ok) return access;
  if (existing && existing.createRequestHash === command.requestHash) return ok(unchanged(existing));
  const releaseDate = command.details.expectedReleaseDate;
  if (isReleaseDateInPast(releaseDate, now)) return fail(releaseDatePassed());
  if (existing) {
    return fail(
      conflict(
        "A different notice was already received under this noticeId; use PUT to update it",
        "notice-conflict",
      ),
    );
  }
  const { leadDays, onTime } = leadTime(now, releaseDate, command.leadMonths);
  const notice: Notice = {
    id: command.id,
    noticeId: command.noticeId,
    municipality: command.municipality,
    subjectRef: command.subject.ref,
    subjectSealed: command.subject.sealed,
    ...command.details,
    receivedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    leadDays,
    onTime,
    status: "received",
    createRequestHash: command.requestHash,
    plan: { dueAt: planDueAt(releaseDate).toISOString(), state: "open", remindersSent: [] },
    milestones: [],
    postedBy: caller.subject,
  };
  return ok(
    changed(
      transition(
        notice,
        now,
        // Sealed for the consumer that must open a case (intake); everyone else sees only the reference.
        [draft(releaseNoticeReceived, { ...noticeFacts(notice), subjectSealed: command.subject.sealed })],
        { action: "create", actor: caller.subject, at: now },
      ),
    ),
  );
};
