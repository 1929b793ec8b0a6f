/** POST /v1/referrals: a report, an application, a self-referral or a police referral. */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import {
  createReferralBodySchema,
  groupReceiptSchema,
  idempotencyKeySchema,
  receiptSchema,
} from "../../contract-report";
import { referralViewSchema } from "../../contract-view";
import { SCOPES } from "../../scopes";
import { problems, tags } from "../common";

/**
 * Staff who may read the municipality's referrals get the referral; a write-only caller (an
 * e-service) gets `{ id, receivedAt }`; a report about several children gets the group.
 */
const posted = z.union([referralViewSchema, receiptSchema, groupReceiptSchema]);

export const createRoute = {
  method: "POST",
  path: "/v1/referrals",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Post a referral: a concern report, an application, a self-referral or a police referral",
  description:
    "Routed to a unit by kind and (approximate) age on the day received, with its legal deadlines; `subjects` makes one referral per child, sharing a `groupId`. A person without an identity number is given by name and birth date or approximate age (`identity: unknown`). An `Idempotency-Key` header makes a retry safe for 30 days: the same key and body again answers the same (200); the same key with another body is a conflict (409). A write-only caller learns only `{ id, receivedAt }`. A `receivedAt` more than 15 minutes back needs `backdatedReason` and may be at most 30 days back (422).",
  tags,
  request: {
    body: createReferralBodySchema,
    // Checked by the handler (handlers/create.ts); declared here so that the document shows it.
    headers: z.object({ "idempotency-key": z.optional(idempotencyKeySchema) }),
  },
  responses: {
    201: { description: "Received", schema: posted },
    200: { description: "The same request was already received: the same answer", schema: posted },
    ...problems(400, 401, 403, 409, 413, 415, 422),
  },
} as const satisfies HttpRoute;
