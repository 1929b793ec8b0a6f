/** Reading a referral by its id, strongly consistent, validated on the way out. */
import type { Referral } from "../domain/referral";
import { referralKey } from "./keys";
import { parseReferral } from "./records";
import { type IntakeTable, readItem } from "./table";

export const readReferral = async (table: IntakeTable, id: string): Promise<Referral | undefined> =>
  parseReferral(await readItem(table, referralKey(id)));

/** The referral a source row names; a row naming nothing is our bug. */
export const readReferralNamed = async (table: IntakeTable, id: string): Promise<Referral> => {
  const referral = await readReferral(table, id);
  if (!referral) throw new Error("a row names a referral that does not exist");
  return referral;
};
