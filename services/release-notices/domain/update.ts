import type { Caller } from "../../../shared/domain/caller";
import { conflict, type Decision, fail, ok } from "../../../shared/domain/errors";
import { releaseNoticeUpdated } from "../../../shared/events/catalogue/release-notices";
import { reachableBySender, withdrawnNotice } from "./access";
import { isReleaseDateInPast, leadTime } from "./lead-time";
import { type Notice, type NoticeDetails, noticeFacts, type PlanDeadline, type Subject } from "./notice";
import { planDueAt } from "./plan-schedule";
import { releaseDatePassed } from "./receive";
import { changed, draft, type Outcome, transition, unchanged } from "./transition";

/** Kriminalvården restates the notice: release date, type, needs, institution and contact may change. */
export interface UpdateCommand {
  readonly municipality: string;
  readonly details: NoticeDetails;
  readonly subject: Subject;
  /** Keyed hash of the restated fields: the same update again changes nothing. */
  readonly requestHash: string;
  /** The lead agreed with Kriminalvården, in the municipality's settings in force today. */
  readonly leadMonths: number;
}

/**
 * What an update cannot change, in words the sender can act on. The answer names the field that
 * differs, never its value: the person's number or the other municipality is not echoed.
 */
const notAboutThisPerson = () =>
  conflict("The notice is about another person; post a new notice", "notice-conflict");
const notForThisMunicipality = () =>
  conflict(
    "The municipality cannot change; withdraw this notice and post a new one to the new municipality",
    "notice-conflict",
  );

/**
 * A new release date is news to the municipality now, so its lead time counts from the update;
 * an update that leaves the date alone keeps the original lead time. A plan once ready stays ready
 * whatever the date does; otherwise the new date starts a new plan deadline.
 */
export const decideUpdate = (
  current: Notice | undefined,
  command: UpdateCommand,
  caller: Caller,
  now: Date,
): Decision<Outcome> => {
  const reached = reachableBySender(current, caller);
  if (!reached.ok) return reached;
  const notice = reached.value;
  if (notice.updateRequestHash === command.requestHash) return ok(unchanged(notice));
  if (notice.status === "withdrawn") return fail(withdrawnNotice());
  const releaseDate = command.details.expectedReleaseDate;
  if (isReleaseDateInPast(releaseDate, now)) return fail(releaseDatePassed());
  if (command.subject.ref !== notice.subjectRef) return fail(notAboutThisPerson());
  if (command.municipality !== notice.municipality) return fail(notForThisMunicipality());

  const dateChanged = releaseDate !== notice.expectedReleaseDate;
  const lead = dateChanged ? leadTime(now, releaseDate, command.leadMonths) : notice;
  const plan: PlanDeadline =
    dateChanged && notice.plan.readyAt === undefined
      ? { dueAt: planDueAt(releaseDate).toISOString(), state: "open", remindersSent: [] }
      : notice.plan;
  const updated: Notice = {
    ...notice,
    ...command.details,
    updatedAt: now.toISOString(),
    leadDays: lead.leadDays,
    onTime: lead.onTime,
    plan,
    updateRequestHash: command.requestHash,
  };
  return ok(
    changed(
      transition(
        updated,
        now,
        [
          draft(releaseNoticeUpdated, {
            ...noticeFacts(updated),
            subjectSealed: command.subject.sealed,
            updatedAt: now.toISOString(),
            previousExpectedReleaseDate: notice.expectedReleaseDate,
          }),
        ],
        { action: "update", actor: caller.subject, at: now },
      ),
    ),
  );
};
