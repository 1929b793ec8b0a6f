import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { listQuerySchema } from "../contract-list";
import { noticeListSchema } from "../contract-views";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const listRoute = {
  method: "GET",
  path: "/v1/release-notices",
  auth: { type: "jwt", scopes: [SCOPES.read] },
  summary: "List the municipality's notices, soonest release first",
  tags,
  request: { query: listQuerySchema },
  responses: {
    200: { description: "A page of notices", schema: noticeListSchema },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;
