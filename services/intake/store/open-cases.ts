/** The person's open referral in a unit, by the keyed hash of their number (store/keys.ts openInUnitKey). */
import * as z from "zod/mini";
import { parseStored } from "../../../shared/stored-item";
import type { OpenCase } from "../domain/receipt";
import type { Unit } from "../domain/routing";
import { openInUnitKey } from "./keys";
import { readReferral } from "./reads";
import { type IntakeTable, readItem } from "./table";

const openInUnitRecordSchema = z.object({ referralId: z.string() });

/** The person's open case in a unit: the row, and the referral it names. */
export const readOpenCase = async (
  table: IntakeTable,
  municipality: string,
  unit: Unit,
  subjectRef: string,
): Promise<OpenCase> => {
  const row = parseStored(
    openInUnitRecordSchema,
    await readItem(table, openInUnitKey(municipality, unit, subjectRef)),
    "open-in-unit row",
  );
  if (!row) return {};
  const referral = await readReferral(table, row.referralId);
  return { namedReferralId: row.referralId, ...(referral ? { referral } : {}) };
};
