/** GET /v1/audit: a referral's or a task's trail. */
import type { HttpRoute } from "../../../../shared/service";
import { auditListSchema, auditQuerySchema } from "../../contract-audit";
import { SCOPES } from "../../scopes";
import { problems, tags } from "../common";

export const auditRoute = {
  method: "GET",
  path: "/v1/audit",
  auth: { type: "jwt", scopes: [SCOPES.audit] },
  summary: "Who read or changed a referral, and when",
  tags,
  request: { query: auditQuerySchema },
  responses: {
    200: { description: "The referral's audit trail, oldest first", schema: auditListSchema },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;
