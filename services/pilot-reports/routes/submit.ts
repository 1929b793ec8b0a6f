import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { submissionParamsSchema, submissionSchema } from "../contract-submission";
import { submissionBodySchema } from "../contract-submission-body";
import { CSV_BODY_CONTENT_TYPE, SCOPES } from "../contract-terms";
import { tags } from "./tags";

export const submitRoute = {
  method: "PUT",
  path: "/v1/reports/pilot/submissions/{municipality}/{month}",
  auth: { type: "jwt", scopes: [SCOPES.submit] },
  summary: "A municipality's own figures for a month, from its own case system",
  description: `For municipalities that keep their cases in another case system: their figures for a month, which the report then shows as \`submitted\` instead of the system's own. JSON as below, or the same as ${CSV_BODY_CONTENT_TYPE} (RFC 4180): a header \`metric,value\`, one row per metric, and the rows \`source,<case system or method>\` and (optionally) \`note,<text>\`. A later PUT for the month replaces the earlier one; both stay in the history. 201 for the month's first, 200 for a replacement (the same figures, source and note again change nothing). 400 names each bad row; a month in the future or more than 36 months back is 422. Only the municipality's own token (\`municipality\` claim) may submit.`,
  tags,
  request: { params: submissionParamsSchema, body: submissionBodySchema },
  responses: {
    200: {
      description: "The submission that replaced the month's earlier one",
      schema: submissionSchema,
    },
    201: { description: "The month's first submission", schema: submissionSchema },
    ...problems(400, 401, 403, 413, 415, 422),
  },
} as const satisfies HttpRoute;
