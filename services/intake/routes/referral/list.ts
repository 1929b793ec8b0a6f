/** GET /v1/referrals: the municipality's referrals, the worklist. */
import type { HttpRoute } from "../../../../shared/service";
import { listQuerySchema, referralListSchema } from "../../contract-list";
import { problems, staffRead, tags } from "../common";

export const listRoute = {
  method: "GET",
  path: "/v1/referrals",
  auth: staffRead,
  summary: "List the municipality's referrals, newest first",
  tags,
  request: { query: listQuerySchema },
  responses: {
    200: { description: "A page of referrals", schema: referralListSchema },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;
