import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { noticeParamsSchema } from "../contract-notice";
import { planBodySchema } from "../contract-plan";
import { noticeViewSchema } from "../contract-views";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const planRoute = {
  method: "POST",
  path: "/v1/release-notices/{noticeId}/plan",
  auth: { type: "jwt", scopes: [SCOPES.manage] },
  summary: "Record a planning milestone: contact made, plan ready",
  tags,
  request: { params: noticeParamsSchema, body: planBodySchema },
  responses: {
    200: { description: "The notice", schema: noticeViewSchema },
    ...problems(400, 401, 403, 404, 409),
  },
} as const satisfies HttpRoute;
