/** POST /v1/referrals/{id}/identify (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { identityNumberInputSchema } from "../../contract-identity";
import { referralParamsSchema } from "../../contract-ids";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const identifyBodySchema = z.strictObject({ personalIdentityNumber: identityNumberInputSchema });

export const identifyRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/identify",
  auth: staffManage,
  summary: "Identify the person a report named without an identity number",
  description:
    "Computes the linking hash and links the referral to the person's open referral in its unit, or makes it that referral; audited.",
  tags,
  request: { params: referralParamsSchema, body: identifyBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
} as const satisfies HttpRoute;
