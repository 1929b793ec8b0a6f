/** POST /v1/referrals/{id}/decision (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { note } from "../../contract-fields";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const decisionBodySchema = z.strictObject({
  openInvestigation: z.boolean(),
  reason: note.check(z.minLength(1)),
});

export const decisionRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/decision",
  auth: staffManage,
  summary: "Record the decision whether to open an investigation (förhandsbedömning)",
  tags,
  request: { params: referralParamsSchema, body: decisionBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
} as const satisfies HttpRoute;
