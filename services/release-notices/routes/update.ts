import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { noticeParamsSchema, receiptSchema } from "../contract-notice";
import { updateNoticeBodySchema } from "../contract-post";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const updateRoute = {
  method: "PUT",
  path: "/v1/release-notices/{noticeId}",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Update a release notice (new release date, needs, contact)",
  tags,
  request: { params: noticeParamsSchema, body: updateNoticeBodySchema },
  responses: {
    200: { description: "Updated: a new receipt", schema: receiptSchema },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
} as const satisfies HttpRoute;
