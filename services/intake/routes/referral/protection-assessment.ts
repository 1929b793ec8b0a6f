/** POST /v1/referrals/{id}/protection-assessment (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { note } from "../../contract-fields";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const protectionAssessmentBodySchema = z.strictObject({
  immediateProtectionNeeded: z.boolean(),
  note: z.optional(note),
});

export const protectionAssessmentRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/protection-assessment",
  auth: staffManage,
  summary: "Record the protection assessment (skyddsbedömning)",
  tags,
  request: { params: referralParamsSchema, body: protectionAssessmentBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
} as const satisfies HttpRoute;
