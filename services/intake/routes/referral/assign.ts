/** POST /v1/referrals/{id}/assign (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { caseworkerIdSchema, referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const assignBodySchema = z.strictObject({ caseworkerId: z.optional(caseworkerIdSchema) });

export const assignRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/assign",
  auth: staffManage,
  summary:
    "Assign a caseworker; without one, the unit's caseworker with the lowest caseload relative to capacity",
  tags,
  request: { params: referralParamsSchema, body: assignBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409, 422) },
} as const satisfies HttpRoute;
