/** Names for the generated API types the pages use. */
import type { paths } from "./schema";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

export type ReferralPage = Json<paths["/v1/referrals"]["get"]["responses"][200]>;
export type ReferralSummary = ReferralPage["items"][number];
export type ReferralDetail = Json<paths["/v1/referrals/{id}"]["get"]["responses"][200]>;
export type Deadline = ReferralSummary["deadlines"][number];
export type ReferralKind = ReferralSummary["kind"];
export type Unit = ReferralSummary["unit"];
export type ReferralStatus = ReferralSummary["status"];
export type ClosureReason = NonNullable<
  NonNullable<
    paths["/v1/referrals/{id}/close"]["post"]["requestBody"]
  >["content"]["application/json"]["reason"]
>;
export type Caseworker = Json<
  paths["/v1/units/{unit}/caseworkers"]["get"]["responses"][200]
>["items"][number];
export type AuditPage = Json<paths["/v1/audit"]["get"]["responses"][200]>;
export type AuditEntry = AuditPage["items"][number];

export type TriagePage = Json<paths["/v1/hotline/triages"]["get"]["responses"][200]>;
export type TriageSummary = TriagePage["items"][number];
export type TriageDetail = Json<paths["/v1/hotline/triages/{id}"]["get"]["responses"][200]>;
export type TriageStatus = TriageSummary["status"];
export type StepName = keyof TriageSummary["steps"];
export type StepStatus = TriageSummary["steps"][StepName]["status"];
export type OnCall = Json<paths["/v1/hotline/on-call"]["get"]["responses"][200]>;
export type ScheduleGaps = Json<paths["/v1/hotline/schedules/{municipality}/gaps"]["get"]["responses"][200]>;
export type ScheduleView = Json<paths["/v1/hotline/schedules/{municipality}"]["get"]["responses"][200]>;
export type ScheduleBody = NonNullable<
  paths["/v1/hotline/schedules/{municipality}"]["put"]["requestBody"]
>["content"]["application/json"];

/**
 * Every value of an API enum, in the order the console lists them: a value the API adds and the
 * list lacks fails the type-check, once the types are regenerated.
 */
const every =
  <T>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A =>
    values;

export const UNITS = every<Unit>()([
  "mottag-barn",
  "mottag-vuxen",
  "utredning-unga-vuxna",
  "ekonomiskt-bistand",
]);
export const KINDS = every<ReferralKind>()([
  "concern",
  "application",
  "self-referral",
  "police",
  "release",
  "hotline",
]);
export const STATUSES = every<ReferralStatus>()(["open", "investigating", "closed", "withdrawn"]);
export const CLOSURE_REASONS = every<ClosureReason>()([
  "no-investigation",
  "investigation-concluded",
  "transferred",
  "merged",
  "other",
]);
export const STEPS = every<StepName>()([
  "threat-assessment",
  "protective-placement",
  "decision",
  "financial-assistance",
]);

export type NoticeList = Json<paths["/v1/release-notices"]["get"]["responses"][200]>;
export type NoticeSummary = NoticeList["items"][number];
export type NoticeRead = Json<paths["/v1/release-notices/{noticeId}"]["get"]["responses"][200]>;
/** The staff's view: the status view Kriminalvården gets lacks the person and the milestones. */
export type NoticeDetail = Extract<NoticeRead, { milestones: unknown }>;
/** Kriminalvården's view of a notice it posted: its status, nothing personal. */
export type NoticeStatusView = Exclude<NoticeRead, { milestones: unknown }>;
export type Subscription = Json<paths["/v1/release-notices/subscription"]["get"]["responses"][200]>;
export type NoticeStatus = NoticeSummary["status"];
export type Milestone = NoticeDetail["milestones"][number]["milestone"];
export const NOTICE_STATUSES = every<NoticeStatus>()(["received", "planning", "plan-ready", "withdrawn"]);
export const MILESTONES = every<Milestone>()(["contact-made", "plan-ready"]);

export type PilotReport = Json<paths["/v1/reports/pilot"]["get"]["responses"][200]>;
export type ReportCell = PilotReport["municipalities"][number]["months"][number]["metrics"][string];
export type RateCell = PilotReport["municipalities"][number]["months"][number]["rates"][string];
export type MetricCatalogue = Json<paths["/v1/reports/pilot/metrics"]["get"]["responses"][200]>;
