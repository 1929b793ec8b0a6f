/** The row each source (a release notice, a hotline triage's purpose) leaves: one referral per source. */
import * as z from "zod/mini";
import { parseStored } from "../../../shared/stored-item";
import type { SourceType } from "../domain/referral";
import { sourceKey } from "./keys";
import { type IntakeTable, readItem } from "./table";

/** A source seen: the referral it made, or a tombstone for a notice withdrawn before it was received. */
const sourceRecordSchema = z.object({
  referralId: z.optional(z.string()),
  withdrawn: z.optional(z.boolean()),
});

/** The referral a source made, if any, and whether the source was withdrawn before it arrived. */
export const readSource = async (table: IntakeTable, type: SourceType, id: string, purpose = "main") =>
  parseStored(sourceRecordSchema, await readItem(table, sourceKey(type, id, purpose)), "source");
