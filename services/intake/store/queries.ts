/** The listings: a municipality's referrals, a referral's audit trail, and what the sweep finds due. */
import { type DueEntry, dueEntries } from "../../../shared/app/sweep";
import {
  type AuditEntryPage,
  type AuditTrailFilter,
  readAuditEntries,
  trailAccess,
} from "../../../shared/audit-read";
import { type AuditTableDeps, auditPartition } from "../../../shared/audit-trail";
import { encodeCursor, queryDue, queryPage, resumeKey } from "../../../shared/dynamo";
import type { Referral, ReferralStatus } from "../domain/referral";
import type { ReferralKind, Unit } from "../domain/routing";
import { auditSubject, dueIndex, municipalityIndex } from "./keys";
import type { IntakeTable } from "./reads";
import { parseReferral } from "./records";
import { taskAuditSubject } from "./tasks";

/** A page, or the answer that the cursor is not one this listing issued. */
export type Page<T> =
  | { readonly ok: true; readonly items: T[]; readonly cursor?: string }
  | { readonly ok: false; readonly reason: "not-our-cursor" };

const page = <T>(items: T[], lastKey: Record<string, unknown> | undefined): Page<T> => {
  const cursor = encodeCursor(lastKey);
  return { ok: true, items, ...(cursor ? { cursor } : {}) };
};

export interface ReferralFilter {
  readonly unit?: Unit;
  readonly kind?: ReferralKind;
  readonly status?: ReferralStatus;
  readonly assignee?: string;
  /** Overdue at `now`: a step still to do whose due time has passed. */
  readonly overdue?: boolean;
}

/** The municipality's referrals, newest first by receipt, filtered; a page is filled past what the filter drops. */
export const listReferrals = async (
  table: IntakeTable,
  municipality: string,
  filter: ReferralFilter,
  request: { readonly limit: number; readonly cursor?: string | undefined },
  now: Date,
): Promise<Page<Referral>> => {
  const partition = municipalityIndex.partition(municipality);
  const resume = resumeKey(request.cursor, {
    attributes: ["pk", "sk", "gsi2pk", "gsi2sk"],
    fixed: { gsi2pk: partition, sk: "REF" },
  });
  if (!resume.ok) return { ok: false, reason: "not-our-cursor" };
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":p": partition };
  for (const attribute of ["unit", "kind", "status", "assignee"] as const) {
    const value = filter[attribute];
    if (value === undefined) continue;
    filters.push(`#${attribute} = :${attribute}`);
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
  }
  if (filter.overdue !== undefined) {
    // pendingDueAt is set only while the referral is active, so a closed one is never overdue.
    filters.push(
      filter.overdue ? "pendingDueAt <= :now" : "(attribute_not_exists(pendingDueAt) OR pendingDueAt > :now)",
    );
    values[":now"] = now.toISOString();
  }
  const { items, lastKey } = await queryPage(
    table.doc,
    {
      TableName: table.tableName,
      IndexName: municipalityIndex.name,
      KeyConditionExpression: "gsi2pk = :p",
      ExpressionAttributeValues: values,
      ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ScanIndexForward: false,
    },
    { limit: request.limit, startKey: resume.key },
  );
  return page(
    items.flatMap((item) => parseReferral(item) ?? []),
    lastKey,
  );
};

export type { AuditEntry } from "../../../shared/audit-read";

/** Whose trail: a referral's, or a task's (store/tasks.ts), beside each other in the audit table. */
export type AuditTrailSubject = { readonly referral: string } | { readonly task: string };

const trailPartition = (subject: AuditTrailSubject): string =>
  auditPartition(
    "intake",
    "referral" in subject ? auditSubject(subject.referral) : taskAuditSubject(subject.task),
  );

/** Which of the trail's rows `municipality` reads, from the record or, once it is gone, the rows. */
export const auditTrailAccess = (
  table: AuditTableDeps,
  subject: AuditTrailSubject,
  municipality: string,
  record: { readonly municipality: string } | "gone",
): Promise<Pick<AuditTrailFilter, "municipality"> | undefined> =>
  trailAccess(table, trailPartition(subject), municipality, record);

/** Who read or changed the referral or the task, oldest first, from the audit table. */
export const readAuditTrail = (
  table: AuditTableDeps,
  subject: AuditTrailSubject,
  request: {
    readonly limit: number;
    readonly cursor?: string | undefined;
    readonly filter?: AuditTrailFilter;
  },
): Promise<AuditEntryPage> =>
  readAuditEntries(table, trailPartition(subject), {
    limit: request.limit,
    cursor: request.cursor,
    filter: request.filter ?? {},
  });

/** The referrals with a deadline due at `now`, from the due index: never more than what is due. */
/** Each due referral is parsed inside the sweep's per-item guard: one unreadable item stops nothing. */
export const readDue = async (
  table: IntakeTable,
  now: Date,
  maxItems = 1_000,
): Promise<DueEntry<Referral>[]> => {
  const items = await queryDue(table.doc, {
    tableName: table.tableName,
    indexName: dueIndex.name,
    partition: dueIndex.partition,
    upTo: dueIndex.upTo(now),
    maxItems,
  });
  return dueEntries(items, parseReferral);
};
