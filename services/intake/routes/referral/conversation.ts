/** POST /v1/referrals/{id}/first-offence-conversation (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { note } from "../../contract-fields";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const conversationBodySchema = z.strictObject({ note: z.optional(note) });

export const conversationRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/first-offence-conversation",
  auth: staffManage,
  summary: "Record the conversation with a youth after a first offence",
  tags,
  request: { params: referralParamsSchema, body: conversationBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
} as const satisfies HttpRoute;
