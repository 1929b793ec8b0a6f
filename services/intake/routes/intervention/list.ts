/** GET /v1/referrals/{id}/interventions (routes/interventions.ts: one module per route). */
import type { HttpRoute } from "../../../../shared/service";
import { referralParamsSchema } from "../../contract-ids";
import { interventionListSchema } from "../../contract-interventions";
import { problems, staffRead, tags } from "../common";

export const listInterventionsRoute = {
  method: "GET",
  path: "/v1/referrals/{id}/interventions",
  auth: staffRead,
  summary: "The referral's interventions, oldest first, with their notes (audited)",
  tags,
  request: { params: referralParamsSchema },
  responses: {
    200: { description: "The interventions", schema: interventionListSchema },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;
