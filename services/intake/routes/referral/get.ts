/** GET /v1/referrals/{id}: one referral, the person and the notes too (audited). */
import type { HttpRoute } from "../../../../shared/service";
import { referralDetailSchema } from "../../contract-detail";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffRead, tags } from "../common";

export const getRoute = {
  method: "GET",
  path: "/v1/referrals/{id}",
  auth: staffRead,
  summary: "Read a referral, with the person and the notes (audited)",
  tags,
  request: { params: referralParamsSchema },
  responses: {
    200: { description: "The referral", schema: referralDetailSchema },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;
