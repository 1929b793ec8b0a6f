import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { receiptSchema } from "../contract-notice";
import { createNoticeBodySchema } from "../contract-post";
import { SCOPES } from "../domain/access";
import { tags } from "./tags";

export const createRoute = {
  method: "POST",
  path: "/v1/release-notices",
  auth: { type: "jwt", scopes: [SCOPES.write] },
  summary: "Post a release notice",
  description:
    "Kriminalvården posts a notice at least three calendar months before release. `noticeId` is the idempotency key: the same body again returns the same receipt (200); a different body under the same id is a conflict (409).",
  tags,
  request: { body: createNoticeBodySchema },
  responses: {
    201: { description: "Received: the receipt", schema: receiptSchema },
    200: {
      description: "The same notice was already received: the same receipt",
      schema: receiptSchema,
    },
    ...problems(400, 401, 403, 409, 413, 415, 422),
  },
} as const satisfies HttpRoute;
