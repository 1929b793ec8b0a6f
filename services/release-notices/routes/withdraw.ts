import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { noticeParamsSchema, receiptSchema } from "../contract-notice";
import { withdrawBodySchema } from "../contract-withdraw";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const withdrawRoute = {
  method: "POST",
  path: "/v1/release-notices/{noticeId}/withdraw",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Withdraw a release notice",
  tags,
  request: { params: noticeParamsSchema, body: withdrawBodySchema },
  responses: {
    200: { description: "Withdrawn", schema: receiptSchema },
    ...problems(400, 401, 403, 404, 409),
  },
} as const satisfies HttpRoute;
