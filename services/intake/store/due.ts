/** What the deadline sweep reads: the referrals with a deadline due, from the due index (gsi1). */
import { type DueEntry, dueEntries } from "../../../shared/app/sweep";
import { queryDue } from "../../../shared/dynamo";
import type { Referral } from "../domain/referral";
import { dueIndex } from "./keys";
import { parseReferral } from "./records";
import type { IntakeTable } from "./table";

/**
 * The referrals with a deadline due at `now`, from the due index: never more than what is due. Each
 * is parsed inside the sweep's per-item guard: one unreadable item stops nothing.
 */
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
