import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { AUDIT_SCOPE, noticeAuditListSchema, noticeAuditQuerySchema } from "../contract-audit";
import { tags } from "./tags";

/** The audit route, apart from the notices' routes (service.ts): its function loads only this. */
export const auditRoute = {
  method: "GET",
  path: "/v1/release-notices/audit",
  auth: { type: "jwt", scopes: [AUDIT_SCOPE] },
  summary: "Who read or changed a release notice, and when",
  description:
    "The notice's audit trail, oldest first: each read (the full notice with the identity number is `read`, a listing `list`, Kriminalvården's status read `read-status`) and each change (`create`, `update`, `withdraw`, `milestone:<milestone>`). Optionally only what one person did (`actor`) and only within a period (`from`, `to`). A token with a municipality reads its own municipality's notices (another's is 404); a national token names the municipality. Nothing personal is shown: ids, actions and the token subjects that acted.",
  tags,
  request: { query: noticeAuditQuerySchema },
  responses: {
    200: { description: "A page of the notice's audit trail, oldest first", schema: noticeAuditListSchema },
    ...problemResponses(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;

export const auditRoutes = { audit: auditRoute } as const satisfies Record<string, HttpRoute>;
