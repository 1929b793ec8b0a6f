import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { subscriptionBodySchema, subscriptionViewSchema } from "../contract-subscription";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const putSubscriptionRoute = {
  method: "PUT",
  path: "/v1/release-notices/subscription",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Register the receiver your notices' status changes are delivered to",
  description:
    "One receiver per client (the token's `sub`); a second PUT replaces the first. Each status change of a notice you posted (received, planning, plan-ready, withdrawn, plan-deadline-breached) is POSTed to `url` as `{ noticeId, status, planDueDate, at }`, signed as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>` keyed by `secret`). A delivery not answered 2xx is tried again with a growing delay for about a day. `url` must be https.",
  tags,
  request: { body: subscriptionBodySchema },
  responses: {
    200: {
      description: "Registered: the receiver, without the secret",
      schema: subscriptionViewSchema,
    },
    ...problems(400, 401, 403, 413, 415),
  },
} as const satisfies HttpRoute;
