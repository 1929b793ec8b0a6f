import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const deleteSubscriptionRoute = {
  method: "DELETE",
  path: "/v1/release-notices/subscription",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Remove your receiver: nothing more is delivered",
  tags,
  request: {},
  responses: {
    204: { description: "Removed" },
    ...problems(401, 403, 404),
  },
} as const satisfies HttpRoute;
