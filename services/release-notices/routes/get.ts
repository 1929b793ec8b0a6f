import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { noticeParamsSchema } from "../contract-notice";
import { noticeReadSchema } from "../contract-views";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const getRoute = {
  method: "GET",
  path: "/v1/release-notices/{noticeId}",
  auth: { type: "jwt", scopes: [SCOPES.write, SCOPES.read] },
  summary: "Read a notice: its status for Kriminalvården, the full notice for the municipality's staff",
  tags,
  request: { params: noticeParamsSchema },
  responses: {
    200: {
      description:
        "Kriminalvården (scope release-notices:write) gets the status view; staff get the full notice",
      schema: noticeReadSchema,
    },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;
