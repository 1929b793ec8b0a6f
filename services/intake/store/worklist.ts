/**
 * The worklist (`sort=due`): active referrals by their earliest step still to do, read from the
 * sparse gsi3 one unit partition at a time and merged. Every read is a key condition on open work,
 * so a page costs at most `limit` items per unit asked for, however much history is stored; the
 * overdue view is the key range up to now. Filters (kind, status, assignee) narrow only that open set.
 */
import * as z from "zod/mini";
import { queryPage } from "../../../shared/dynamo";
import { UNITS } from "../../../shared/events/catalogue/intake-lists";
import type { Referral, ReferralStatus } from "../domain/referral";
import type { ReferralKind, Unit } from "../domain/routing";
import { worklistIndex } from "./keys";
import type { Page } from "./queries";
import { parseReferral } from "./records";
import type { IntakeTable } from "./table";

export interface WorklistFilter {
  readonly unit?: Unit;
  readonly kind?: ReferralKind;
  readonly status?: ReferralStatus;
  /** "Mine": the caseworker's referrals, a narrowing of the unit's open work. */
  readonly assignee?: string;
  /** true: the earliest step fell due by now (a key range); false: not yet. */
  readonly overdue?: boolean;
}

/**
 * Where each unit's partition resumes: the sort key of the last item shown from it, or null once
 * it is read to the end; a unit not named has not been read yet.
 */
const positionsSchema = z.strictObject({
  worklist: z.partialRecord(z.enum(UNITS), z.nullable(z.string().check(z.minLength(1), z.maxLength(200)))),
});
type Positions = Partial<Record<Unit, string | null>>;

const decodePositions = (cursor: string | undefined): Positions | "invalid" => {
  if (cursor === undefined) return {};
  try {
    const parsed = positionsSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.worklist : "invalid";
  } catch {
    return "invalid";
  }
};

const encodePositions = (units: readonly Unit[], positions: Positions): string | undefined =>
  units.every((unit) => positions[unit] === null)
    ? undefined
    : Buffer.from(JSON.stringify({ worklist: positions }), "utf8").toString("base64url");

interface UnitRead {
  readonly unit: Unit;
  readonly items: Record<string, unknown>[];
  readonly more: boolean;
}

const readUnit = async (
  table: IntakeTable,
  municipality: string,
  unit: Unit,
  filter: WorklistFilter,
  after: string | undefined,
  limit: number,
  now: Date,
): Promise<UnitRead> => {
  const partition = worklistIndex.partition(municipality, unit);
  const values: Record<string, unknown> = { ":p": partition };
  const names: Record<string, string> = {};
  const filters: string[] = [];
  for (const attribute of ["kind", "status", "assignee"] as const) {
    const value = filter[attribute];
    if (value === undefined) continue;
    filters.push(`#${attribute} = :${attribute}`);
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
  }
  let range = "";
  if (filter.overdue !== undefined) {
    range = filter.overdue ? " AND gsi3sk <= :now" : " AND gsi3sk > :now";
    values[":now"] = worklistIndex.upTo(now);
  }
  const startKey = after
    ? { pk: `REF#${worklistIndex.idOf(after)}`, sk: "REF", gsi3pk: partition, gsi3sk: after }
    : undefined;
  const { items, lastKey } = await queryPage(
    table.doc,
    {
      TableName: table.tableName,
      IndexName: worklistIndex.name,
      KeyConditionExpression: `gsi3pk = :p${range}`,
      ExpressionAttributeValues: values,
      ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    },
    { limit, startKey },
  );
  return { unit, items, more: lastKey !== undefined };
};

/** The municipality's (or one unit's) active referrals, the most urgent first. */
export const listWorklist = async (
  table: IntakeTable,
  municipality: string,
  filter: WorklistFilter,
  request: { readonly limit: number; readonly cursor?: string | undefined },
  now: Date,
): Promise<Page<Referral>> => {
  const positions = decodePositions(request.cursor);
  if (positions === "invalid") return { ok: false, reason: "not-our-cursor" };
  const asked: readonly Unit[] = filter.unit ? [filter.unit] : UNITS;
  const units = asked.filter((unit) => positions[unit] !== null);
  const reads = await Promise.all(
    units.map((unit) =>
      readUnit(table, municipality, unit, filter, positions[unit] ?? undefined, request.limit, now),
    ),
  );
  const merged = reads
    .flatMap((read) => read.items.map((item) => ({ unit: read.unit, sort: String(item.gsi3sk), item })))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
    .slice(0, request.limit);
  const next: Positions = {};
  for (const unit of asked) {
    const read = reads.find((r) => r.unit === unit);
    if (!read) {
      next[unit] = null;
      continue;
    }
    const shown = merged.filter((m) => m.unit === unit);
    const last = shown.at(-1)?.sort ?? positions[unit];
    // A unit with nothing shown yet stays out of the cursor: the next page starts it from the top.
    if (shown.length === read.items.length && !read.more) next[unit] = null;
    else if (last !== undefined && last !== null) next[unit] = last;
  }
  const cursor = encodePositions(asked, next);
  return {
    ok: true,
    items: merged.flatMap((m) => parseReferral(m.item) ?? []),
    ...(cursor ? { cursor } : {}),
  };
};
