import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { submissionHistorySchema, submissionParamsSchema } from "../contract-submission";
import { SCOPES } from "../contract-terms";
import { tags } from "./tags";

export const submissionHistoryRoute = {
  method: "GET",
  path: "/v1/reports/pilot/submissions/{municipality}/{month}/history",
  auth: { type: "jwt", scopes: [SCOPES.read, SCOPES.submit] },
  summary: "Every submission for a municipality's month, with who submitted it and when",
  tags,
  request: { params: submissionParamsSchema },
  responses: {
    200: {
      description: "Every version, oldest first",
      schema: submissionHistorySchema,
    },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;
