import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { AUDIT_SCOPE, hotlineAuditListSchema, hotlineAuditQuerySchema } from "../contract-audit";

/** The audit route, apart from the staff and telephony routes (service.ts): its function loads only this. */
export const auditRoutes = {
  audit: {
    method: "GET",
    path: "/v1/hotline/audit",
    auth: { type: "jwt", scopes: [AUDIT_SCOPE] },
    summary: "Who read or changed a triage or an on-call schedule, and when",
    description:
      "One trail, oldest first: a triage's (`triage`: each read with the caller's number `read`, each listing `list`, `step:<step>:<status>`, `acknowledge`, `complete`) or a municipality's on-call schedule's (`schedule`: each save `schedule:put`). Optionally only what one person did (`actor`) and only within a period (`from`, `to`). A token with a municipality reads its own municipality's (another's triage is 404, another's schedule 403); a national token names the municipality. Nothing personal is shown: ids, actions and the token subjects that acted.",
    tags: ["hotline"],
    request: { query: hotlineAuditQuerySchema },
    responses: {
      200: { description: "A page of the trail, oldest first", schema: hotlineAuditListSchema },
      ...problemResponses(400, 401, 403, 404),
    },
    throttle: { rateLimit: 5, burstLimit: 10 },
  },
} as const satisfies Record<string, HttpRoute>;
