/**
 * Reading the audit trail (shared/audit-trail.ts writes it): the period and person an auditor asks
 * for, who may read which municipality's trail, and the pages of entries. Its own module so that a
 * function that only writes rows does not build these schemas as it loads (npm run bench -- cold).
 */

import * as z from "zod/mini";
import type { AuditTableDeps } from "./audit-trail";
import { type Caller, requireMunicipalityAccess } from "./domain/caller";
import { invalid } from "./domain/errors";
import { encodeCursor, queryPage, resumeKey } from "./dynamo";
import { kommunkodSchema } from "./events/envelope";
import { addCalendarDays, isValidIsoDate, startOfStockholmDay } from "./time";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const instantSchema = z.iso.datetime({ offset: true });

/**
 * A bound of the period: a Swedish calendar date, or an instant with its offset; before the year
 * 9999 ends, so that the instant after it still sorts as the sort key's four-digit year does.
 */
const isPeriodBound = (value: string): boolean =>
  (DATE.test(value) ? isValidIsoDate(value) : instantSchema.safeParse(value).success) &&
  !value.startsWith("9999");

/**
 * Rows at or after `from` and strictly before `before` (instants), by the person `actor`; with
 * `municipality`, only the rows that record it (the trail of a record that is gone, trailAccess).
 */
export interface AuditTrailFilter {
  readonly actor?: string | undefined;
  readonly municipality?: string | undefined;
  readonly from?: Date | undefined;
  readonly before?: Date | undefined;
}

/**
 * The period asked for, as instants. A date is a whole Swedish day (Europe/Stockholm, 00:00 local
 * whether CET or CEST): `from` a date starts at its first moment, `to` a date ends with its last.
 * An instant is taken as it is, `to` included.
 */
export const auditPeriod = (
  from: string | undefined,
  to: string | undefined,
): Pick<AuditTrailFilter, "from" | "before"> => ({
  ...(from ? { from: DATE.test(from) ? startOfStockholmDay(from) : new Date(from) } : {}),
  ...(to
    ? {
        before: DATE.test(to)
          ? startOfStockholmDay(addCalendarDays(to, 1))
          : new Date(new Date(to).getTime() + 1),
      }
    : {}),
});

const BOUND_RULE =
  "must be a date (YYYY-MM-DD, Swedish time) or an ISO 8601 instant with an offset, before the year 9999";
const periodBound = (which: string) =>
  z.optional(z.string().check(z.refine(isPeriodBound, BOUND_RULE))).check(
    z.meta({
      description: `${which} A date (YYYY-MM-DD) is a whole day in Swedish time (Europe/Stockholm); an instant (with its offset) is taken as it is.`,
      examples: ["2026-11-25", "2026-11-25T14:00:00+01:00"],
    }),
  );

/** The filter fields every audit route takes, in its query (an object: spread into the route's). */
export const auditFilterQueryFields = {
  actor: z
    .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(256)))
    .check(z.meta({ description: "Only what this person did: the `sub` of the token they acted with." })),
  from: periodBound("The period's first day or instant, included."),
  to: periodBound("The period's last day or instant, included."),
} as const;

/** The page every audit route answers with: at most 100 entries, and the cursor to the next. */
const auditPageQueryFields = {
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 100),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
} as const;

/** For the route's query schema: `to` may not end the period before `from` begins it. */
export const periodInOrder = (query: { from?: string | undefined; to?: string | undefined }): boolean => {
  const { from, before } = auditPeriod(query.from, query.to);
  return from === undefined || before === undefined || from < before;
};
export const PERIOD_ORDER_ISSUE = { path: ["to"], message: "must not be before from" };

/**
 * What every audit route's query holds beside the fields that name its trail: whose record it is
 * (`municipality`, for auditedMunicipality; `whose` begins its description), the filter and the
 * page. The route's schema checks `periodInOrder` on them.
 */
export const auditQueryFields = (whose: string) =>
  ({
    municipality: z.optional(kommunkodSchema).check(
      z.meta({
        description: `${whose}: a token with a municipality reads its own (the default); a national token names one.`,
      }),
    ),
    ...auditFilterQueryFields,
    ...auditPageQueryFields,
  }) as const;

/** For a route whose trail is named by one of two fields: exactly one is given. */
export const exactlyOneOf = <K extends string>(a: K, b: K) =>
  z.refine<Partial<Record<K, unknown>>>((query) => (query[a] === undefined) !== (query[b] === undefined), {
    path: [a],
    message: `give either ${a} or ${b}, not both`,
  });

/**
 * Whose trail an auditor reads: a token bound to a municipality reads that one (naming another is
 * 403); a national token (shared/domain/caller.ts) must name one, a 400 naming the field otherwise.
 */
export const auditedMunicipality = (caller: Caller, named: string | undefined): string => {
  if (named === undefined) {
    if (caller.municipality !== undefined) return caller.municipality;
    throw invalid("Some fields are not valid", [
      { path: "query.municipality", message: "is required for a token without a municipality claim" },
    ]);
  }
  requireMunicipalityAccess(caller, named);
  return named;
};

/** What the query fields ask for, as the filter the trail is read with. */
export const auditFilterOf = (query: {
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): AuditTrailFilter => ({
  ...(query.actor ? { actor: query.actor } : {}),
  ...auditPeriod(query.from, query.to),
});

/**
 * The key condition: the sort key begins with the row's instant (ISO 8601 in UTC, fixed width), so
 * the period is a range of it. `iso(from)` sorts before every `iso(from)#id`, and `iso(before)`
 * before every `iso(before)#id`, so BETWEEN takes the rows at `from` and leaves those at `before`.
 */
const keyCondition = (partition: string, filter: AuditTrailFilter) => {
  const values: Record<string, string> = { ":p": partition };
  const from = filter.from?.toISOString();
  const before = filter.before?.toISOString();
  if (from !== undefined) values[":from"] = from;
  if (before !== undefined) values[":before"] = before;
  const range =
    from !== undefined && before !== undefined
      ? " AND sk BETWEEN :from AND :before"
      : from !== undefined
        ? " AND sk >= :from"
        : before !== undefined
          ? " AND sk < :before"
          : "";
  return { expression: `pk = :p${range}`, values, from, before };
};

/** The filter on the rows' attributes (not their key): by the person acting, by the municipality. */
const rowFilter = (filter: AuditTrailFilter) => {
  const terms = [
    ...(filter.actor !== undefined ? (["actor"] as const) : []),
    ...(filter.municipality !== undefined ? (["municipality"] as const) : []),
  ];
  if (terms.length === 0) return {};
  return {
    FilterExpression: terms.map((name) => `#${name} = :${name}`).join(" AND "),
    ExpressionAttributeNames: Object.fromEntries(terms.map((name) => [`#${name}`, name])),
  };
};

/**
 * One page of a subject's trail, oldest first: in the period asked for (the key condition), by the
 * person asked for (a filter, which DynamoDB applies after `Limit`: the page is read on until full).
 * A start key outside the period resumes at its edge: the rows after it that match are the same.
 */
export const queryAuditTrail = async (
  deps: AuditTableDeps,
  partition: string,
  page: { readonly limit: number; readonly startKey: Record<string, unknown> | undefined },
  filter: AuditTrailFilter = {},
): Promise<{ items: Record<string, unknown>[]; lastKey: Record<string, unknown> | undefined }> => {
  const key = keyCondition(partition, filter);
  const resumeAt = typeof page.startKey?.sk === "string" ? page.startKey.sk : undefined;
  const empty = { items: [], lastKey: undefined };
  if (key.from !== undefined && key.before !== undefined && key.from >= key.before) return empty;
  if (resumeAt !== undefined && key.before !== undefined && resumeAt >= key.before) return empty;
  const startKey =
    resumeAt !== undefined && key.from !== undefined && resumeAt < key.from ? undefined : page.startKey;
  return queryPage(
    deps.doc,
    {
      TableName: deps.auditTableName,
      KeyConditionExpression: key.expression,
      ...rowFilter(filter),
      ExpressionAttributeValues: {
        ...key.values,
        ...(filter.actor !== undefined ? { ":actor": filter.actor } : {}),
        ...(filter.municipality !== undefined ? { ":municipality": filter.municipality } : {}),
      },
      ConsistentRead: true,
    },
    { limit: page.limit, startKey },
  );
};

/**
 * Which rows of a trail `municipality`'s auditor reads. While the record exists it decides, as
 * every route does (`record` its municipality; another's is not found). Once it is gone (its TTL
 * ran out; the rows are kept longer), the rows decide: those that record the municipality, if any
 * does; rows written before rows recorded it have none and are not shown. Undefined: not found.
 */
export const trailAccess = async (
  deps: AuditTableDeps,
  partition: string,
  municipality: string,
  record: { readonly municipality: string } | "gone",
): Promise<Pick<AuditTrailFilter, "municipality"> | undefined> => {
  if (record !== "gone") return record.municipality === municipality ? {} : undefined;
  // One row is enough. The filter applies after DynamoDB's Limit: a page of 100 reads past the
  // rows without the municipality in few requests rather than one request per row.
  const held = await queryAuditTrail(deps, partition, { limit: 100, startKey: undefined }, { municipality });
  return held.items.length > 0 ? { municipality } : undefined;
};

/** One row of a trail as an auditor reads it: who, what, when, and the request it came with. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly correlationId: string;
}

/** Built on the first read of a trail: the audit route is the only caller, and seldom called. */
const auditEntrySchema = z.lazy(() =>
  z.object({
    at: instantSchema,
    actor: z.string(),
    action: z.string(),
    correlationId: z.string(),
  }),
);

/** A page of entries, or the answer that the cursor is not one this trail issued. */
export type AuditEntryPage =
  | { readonly ok: true; readonly items: AuditEntry[]; readonly cursor?: string }
  | { readonly ok: false; readonly reason: "not-our-cursor" };

/**
 * One page of the subject's trail as entries, filtered, with the cursor to the next. A cursor is
 * good only for this partition; a row that fails its schema is our bug and fails the read, naming
 * no value.
 */
export const readAuditEntries = async (
  deps: AuditTableDeps,
  partition: string,
  request: {
    readonly limit: number;
    readonly cursor?: string | undefined;
    readonly filter: AuditTrailFilter;
  },
): Promise<AuditEntryPage> => {
  const resume = resumeKey(request.cursor, { attributes: ["pk", "sk"], fixed: { pk: partition } });
  if (!resume.ok) return { ok: false, reason: "not-our-cursor" };
  const out = await queryAuditTrail(
    deps,
    partition,
    { limit: request.limit, startKey: resume.key },
    request.filter,
  );
  const items = out.items.map((item) => {
    const row = auditEntrySchema.safeParse(item);
    if (!row.success) throw new Error(`An audit row in ${partition.split("#")[0]} does not match its schema`);
    const { at, actor, action, correlationId } = row.data;
    return { at, actor, action, correlationId };
  });
  const cursor = encodeCursor(out.lastKey);
  return { ok: true, items, ...(cursor ? { cursor } : {}) };
};

/**
 * The answer of every audit route: a page of the trail, oldest first, and the cursor to the next.
 * Built on first use: it documents the routes and checks answers in tests; no function checks its own.
 */
export const auditListResponseSchema = z.lazy(() =>
  z.object({
    items: z.array(
      z.object({
        at: z.iso.datetime({ offset: true }),
        /** The token's `sub`: a person's or a system's id, never their name. */
        actor: z.string(),
        action: z.string(),
        correlationId: z.string(),
      }),
    ),
    cursor: z.optional(z.string()),
  }),
);
