import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { submissionListSchema } from "../contract-submission";
import { submissionListQuerySchema } from "../contract-submissions";
import { SCOPES } from "../contract-terms";
import { tags } from "./tags";

export const submissionsRoute = {
  method: "GET",
  path: "/v1/reports/pilot/submissions",
  auth: { type: "jwt", scopes: [SCOPES.read, SCOPES.submit] },
  summary: "What municipalities submitted: the current submission of each month",
  description:
    "`municipality`, `from` and `to` as for the report. A municipal token lists its own municipality only; `reports:read` without a municipality claim (Socialstyrelsen) any.",
  tags,
  request: { query: submissionListQuerySchema },
  responses: {
    200: {
      description: "The submissions, by municipality and month",
      schema: submissionListSchema,
    },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;
