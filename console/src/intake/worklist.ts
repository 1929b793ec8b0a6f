/**
 * The worklist's rules, pure: which filters the route carries, what the API is asked for, and the
 * order a page is shown in (the deadline that falls due first, the most overdue before it).
 */
import {
  type Deadline,
  KINDS,
  type ReferralKind,
  type ReferralStatus,
  type ReferralSummary,
  STATUSES,
  UNITS,
  type Unit,
} from "../api/types";

export interface WorklistFilters {
  readonly unit: Unit | undefined;
  readonly kind: ReferralKind | undefined;
  readonly status: ReferralStatus | undefined;
  /** true: only overdue; false: only not overdue; undefined: both. */
  readonly overdue: boolean | undefined;
  /** Only referrals assigned to the signed-in user (a caseworker's id is their sign-in subject). */
  readonly mine: boolean;
}

export const PAGE_SIZE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The filters from the route's query; anything unknown is no filter. */
export const readFilters = (query: URLSearchParams): WorklistFilters => ({
  unit: oneOf(UNITS, query.get("enhet")),
  kind: oneOf(KINDS, query.get("typ")),
  status: oneOf(STATUSES, query.get("status")),
  overdue: query.get("forsenade") === "ja" ? true : query.get("forsenade") === "nej" ? false : undefined,
  mine: query.get("mina") === "ja",
});

/** The route's query for the filters, the inverse of readFilters. */
export const filtersToQuery = (filters: WorklistFilters): URLSearchParams => {
  const query = new URLSearchParams();
  if (filters.unit) query.set("enhet", filters.unit);
  if (filters.kind) query.set("typ", filters.kind);
  if (filters.status) query.set("status", filters.status);
  if (filters.overdue !== undefined) query.set("forsenade", filters.overdue ? "ja" : "nej");
  if (filters.mine) query.set("mina", "ja");
  return query;
};

/**
 * The one place that says what the API is asked for: the due-ordered worklist (`sort=due`, active
 * referrals, the earliest step first) unless a closed or withdrawn status is asked for, which only
 * the list of every referral, newest first, holds. "Mine" is the API's `assignee`.
 */
export const worklistQuery = (filters: WorklistFilters, cursor: string | undefined, subject?: string) => ({
  ...(filters.unit ? { unit: filters.unit } : {}),
  ...(filters.kind ? { kind: filters.kind } : {}),
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.overdue !== undefined
    ? { overdue: filters.overdue ? ("true" as const) : ("false" as const) }
    : {}),
  ...(filters.mine && subject ? { assignee: subject } : {}),
  sort:
    filters.status === "closed" || filters.status === "withdrawn" ? ("received" as const) : ("due" as const),
  limit: PAGE_SIZE,
  ...(cursor ? { cursor } : {}),
});

const isActive = (referral: ReferralSummary): boolean =>
  referral.status === "open" || referral.status === "investigating";

/**
 * The deadline that matters next: the earliest one not met, of an active referral. The list does
 * not say whether a breached step was done late, so a breach keeps counting until the referral is
 * closed: the console errs towards showing a referral too early, never too late.
 */
export const nextDeadline = (referral: ReferralSummary): Deadline | undefined =>
  isActive(referral)
    ? referral.deadlines
        .filter((d) => d.state !== "met")
        .reduce<Deadline | undefined>((first, d) => (!first || d.dueAt < first.dueAt ? d : first), undefined)
    : undefined;

/** Suspected violence against a child by someone close goes first while the referral is active (intake's rule). */
const urgent = (referral: ReferralSummary): boolean =>
  isActive(referral) && referral.suspectedViolenceByCloseRelative === true;

/**
 * A page in worklist order: an active report of suspected violence by someone close first, then
 * the earliest next deadline (so the most overdue on top), then referrals without one (closed, or
 * nothing due), newest first as the API gave them.
 */
export const orderWorklist = (
  items: readonly ReferralSummary[],
  filters: Pick<WorklistFilters, "mine">,
  subject: string,
): ReferralSummary[] =>
  items
    .filter((r) => !filters.mine || r.assignee === subject)
    .map((referral, index) => ({ referral, index, due: nextDeadline(referral)?.dueAt }))
    .sort((a, b) =>
      urgent(a.referral) !== urgent(b.referral)
        ? urgent(a.referral)
          ? -1
          : 1
        : a.due && b.due
          ? Date.parse(a.due) - Date.parse(b.due) || a.index - b.index
          : a.due
            ? -1
            : b.due
              ? 1
              : a.index - b.index,
    )
    .map(({ referral }) => referral);
