/** What an Idempotency-Key already made (POST /v1/referrals), by the key's keyed hash. */
import * as z from "zod/mini";
import { epochSeconds } from "../../../shared/dynamo";
import { parseStored } from "../../../shared/stored-item";
import { idempotencyKey } from "./keys";
import { type IntakeTable, readItem } from "./table";

/** What an Idempotency-Key made: one referral, or a group's (then `referralIds` and `groupId`). */
const idempotencyRecordSchema = z.object({
  referralId: z.optional(z.string()),
  referralIds: z.optional(z.array(z.string())),
  groupId: z.optional(z.string()),
  requestHash: z.string(),
  /** Epoch seconds; DynamoDB's TTL deletes the row some time after (rows from before it have none). */
  expiresAt: z.optional(z.number()),
});

/**
 * What the key already made, and the hash of the request that made it; a row whose 30 days have
 * passed counts as gone, whether or not the TTL has deleted it yet.
 */
export const readIdempotency = async (table: IntakeTable, keyHash: string, now: Date) => {
  const row = parseStored(
    idempotencyRecordSchema,
    await readItem(table, idempotencyKey(keyHash)),
    "idempotency row",
  );
  return row && (row.expiresAt === undefined || row.expiresAt > epochSeconds(now)) ? row : undefined;
};
