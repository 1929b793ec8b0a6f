/** The referrals linked to an open one, listed beside it (store/keys.ts linkKey). */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { REFERRAL_KINDS } from "../../../shared/events/catalogue/intake-lists";
import { parseStored } from "../../../shared/stored-item";
import type { LinkRow } from "../domain/referral";
import { linksPartition } from "./keys";
import type { IntakeTable } from "./table";

/** A referral linked to an open one, as the open one lists it. */
const linkRecordSchema = z.object({
  referralId: z.string(),
  kind: z.enum(REFERRAL_KINDS),
  receivedAt: z.iso.datetime({ offset: true }),
});

/** The referrals linked to an open one, oldest first (a referral has a handful, not thousands). */
export const readLinks = async (table: IntakeTable, openReferralId: string): Promise<LinkRow[]> => {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: "pk = :p",
      ExpressionAttributeValues: { ":p": linksPartition(openReferralId) },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? [])
    .flatMap((item) => parseStored(linkRecordSchema, item, "link row") ?? [])
    .map((row) => ({ openReferralId, ...row }))
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
};
