import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { subscriptionViewSchema } from "../contract-subscription";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const getSubscriptionRoute = {
  method: "GET",
  path: "/v1/release-notices/subscription",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Show your registered receiver (never its secret)",
  tags,
  request: {},
  responses: {
    200: { description: "The receiver", schema: subscriptionViewSchema },
    ...problems(401, 403, 404),
  },
} as const satisfies HttpRoute;
