/**
 * A municipality's referrals, newest first (the worklist is worklist.ts; a trail, audit-trail.ts;
 * what the sweep finds due, due.ts: each function loads only the reads it makes).
 */
import { encodeCursor, queryPage, resumeKey } from "../../../shared/dynamo";
import type { Referral, ReferralStatus } from "../domain/referral";
import type { ReferralKind, Unit } from "../domain/routing";
import { municipalityIndex } from "./keys";
import { parseReferral } from "./records";
import type { IntakeTable } from "./table";

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
