import type { HttpRoute } from "../../../shared/service";
import {
  caseworkerListSchema,
  caseworkerParamsSchema,
  caseworkerViewSchema,
  putCaseworkerBodySchema,
  unitParamsSchema,
} from "../contract";
import { problems, staffManage, staffRead, tags } from "./common";

/**
 * A unit's caseworkers and their caseloads.
 * Part of the service's route table (service.ts) and apart from it, so that a function loads its
 * own area's routes and schemas, not the whole contract.
 */
export const caseworkerRoutes = {
  putCaseworker: {
    method: "PUT",
    path: "/v1/units/{unit}/caseworkers/{caseworkerId}",
    auth: staffManage,
    summary: "Register a caseworker in a unit, or change their name or capacity",
    tags,
    request: { params: caseworkerParamsSchema, body: putCaseworkerBodySchema },
    responses: {
      200: { description: "The caseworker", schema: caseworkerViewSchema },
      ...problems(400, 401, 403),
    },
  },
  listCaseworkers: {
    method: "GET",
    path: "/v1/units/{unit}/caseworkers",
    auth: staffRead,
    summary: "The unit's caseworkers with their caseloads",
    tags,
    request: { params: unitParamsSchema },
    responses: {
      200: { description: "The caseworkers", schema: caseworkerListSchema },
      ...problems(400, 401, 403),
    },
  },
} as const satisfies Record<string, HttpRoute>;
