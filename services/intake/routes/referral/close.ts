/** POST /v1/referrals/{id}/close (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import { CLOSE_REASONS } from "../../../../shared/events/catalogue/intake";
import type { HttpRoute } from "../../../../shared/service";
import { note } from "../../contract-fields";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

/** Staff close a referral for any reason but `withdrawn`, which only a withdrawn release notice gives. */
const STAFF_CLOSE_REASONS = CLOSE_REASONS.filter(
  (reason): reason is Exclude<(typeof CLOSE_REASONS)[number], "withdrawn"> => reason !== "withdrawn",
);
export const closeBodySchema = z.strictObject({
  reason: z.enum(STAFF_CLOSE_REASONS),
  note: z.optional(note),
});

export const closeRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/close",
  auth: staffManage,
  summary: "Close a referral",
  tags,
  request: { params: referralParamsSchema, body: closeBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
} as const satisfies HttpRoute;
