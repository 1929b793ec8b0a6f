/** GET /v1/referrals/{id}/interventions/{interventionId} (routes/interventions.ts: one module per route). */
import type { HttpRoute } from "../../../../shared/service";
import { interventionParamsSchema, interventionViewSchema } from "../../contract-interventions";
import { problems, staffRead, tags } from "../common";

export const getInterventionRoute = {
  method: "GET",
  path: "/v1/referrals/{id}/interventions/{interventionId}",
  auth: staffRead,
  summary: "Read one intervention, with its note (audited)",
  tags,
  request: { params: interventionParamsSchema },
  responses: {
    200: { description: "The intervention", schema: interventionViewSchema },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;
