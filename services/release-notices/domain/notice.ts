import type { DeadlineState } from "../../../shared/domain/deadline";
import type { NEEDS, RELEASE_TYPES } from "../../../shared/events/catalogue/release-notices";

/** The release notice as the rules see it: no keys, no index placement, no concurrency version. */

export const NOTICE_STATUSES = ["received", "planning", "plan-ready", "withdrawn"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const PLAN_MILESTONES = ["contact-made", "plan-ready"] as const;
export type PlanMilestone = (typeof PLAN_MILESTONES)[number];

export const WITHDRAWAL_REASONS = [
  "sentence-changed",
  "released-elsewhere",
  "transferred",
  "deceased",
  "registered-in-error",
  "other",
] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export type ReleaseType = (typeof RELEASE_TYPES)[number];
export type Need = (typeof NEEDS)[number];

export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
}

/** What Kriminalvården states about a release and may restate in an update. */
export interface NoticeDetails {
  readonly institution: string;
  readonly expectedReleaseDate: string;
  readonly releaseType: ReleaseType;
  readonly needs: readonly Need[];
  readonly contact: Contact;
}

export interface PlanDeadline {
  readonly dueAt: string;
  readonly state: DeadlineState;
  readonly remindersSent: readonly number[];
  readonly readyAt?: string;
}

export interface MilestoneEntry {
  readonly milestone: PlanMilestone;
  readonly at: string;
  readonly by: string;
  /** The staff's note, sealed by the application layer before the rules see it: they never read it. */
  readonly noteSealed?: string;
  /** A note stored in clear before notes were sealed; the application layer seals it at the next change. */
  readonly legacyNote?: string;
}

export interface Notice extends NoticeDetails {
  readonly id: string;
  readonly noticeId: string;
  readonly municipality: string;
  /** Keyed hash of the identity number: links notices about one person without the number. */
  readonly subjectRef: string;
  /** The identity number, sealed: the rules compare people by `subjectRef` only. */
  readonly subjectSealed: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly leadDays: number;
  readonly onTime: boolean;
  readonly status: NoticeStatus;
  /** Keyed hashes of the create and latest update bodies: a retry is recognised without keeping the body. */
  readonly createRequestHash: string;
  readonly updateRequestHash?: string;
  readonly plan: PlanDeadline;
  readonly milestones: readonly MilestoneEntry[];
  readonly withdrawal?: { readonly at: string; readonly reason?: WithdrawalReason };
  /** The client (the token's `sub`) that posted the notice: told of its status changes. */
  readonly postedBy?: string;
}

/** The person a notice is about, as the application layer prepared it: linked and sealed, never in clear. */
export interface Subject {
  readonly ref: string;
  readonly sealed: string;
}

/** The plan deadline's state as it truly is now, even before the sweep has marked a breach. */
export const effectiveDeadlineState = (notice: Notice, now: Date): DeadlineState =>
  notice.plan.state === "open" && notice.status !== "withdrawn" && new Date(notice.plan.dueAt) <= now
    ? "breached"
    : notice.plan.state;

/** What intake and pilot reports need of a notice without calling back (the identity only by reference). */
export const noticeFacts = (notice: Notice) => ({
  noticeId: notice.noticeId,
  expectedReleaseDate: notice.expectedReleaseDate,
  releaseType: notice.releaseType,
  needs: [...notice.needs],
  receivedAt: notice.receivedAt,
  leadDays: notice.leadDays,
  onTime: notice.onTime,
  planDueDate: notice.expectedReleaseDate,
  subjectRef: notice.subjectRef,
});
