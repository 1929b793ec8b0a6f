import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { listQuerySchema } from "../contract-list";
import { viewSchemas } from "../contract-views";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const listRoute = {
  method: "GET",
  path: "/v1/release-notices",
  auth: { type: "jwt", scopes: [SCOPES.read] },
  summary: "List the municipality's notices, soonest release first",
  tags,
  request: { query: listQuerySchema },
  // Documentation only, so built when the document is, not as the function loads (contract-views.ts).
  get responses() {
    return {
      200: { description: "A page of notices", schema: viewSchemas().noticeListSchema },
      ...problems(400, 401, 403),
    };
  },
} as const satisfies HttpRoute;
