/** POST /v1/referrals/{id}/violence-concern (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const violenceConcernBodySchema = z.strictObject({ suspected: z.boolean() });

export const violenceConcernRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/violence-concern",
  auth: staffManage,
  summary: "Mark or clear suspected violence against the child by someone close",
  description:
    "Marked, the referral shows first in the worklist, its protection assessment is due by the end of today, and its decision must open an investigation.",
  tags,
  request: { params: referralParamsSchema, body: violenceConcernBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
} as const satisfies HttpRoute;
