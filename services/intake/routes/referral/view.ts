import { referralViewSchema } from "../../contract-view";

/** The answer of every step staff record on a referral: the referral as it now stands. */
export const view = (description: string) => ({ 200: { description, schema: referralViewSchema } });
