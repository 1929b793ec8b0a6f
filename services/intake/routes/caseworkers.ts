import type { HttpRoute } from "../../../shared/service";
import {
  caseworkerListSchema,
  caseworkerParamsSchema,
  caseworkerViewSchema,
  putCaseworkerBodySchema,
  unitParamsSchema,
} from "../contract-caseworkers";
import { problems, staffManage, staffRead, tags } from "./common";

/**
 * A unit's caseworkers and their caseloads.
 * Each route is a const of its own, which its handler imports; the table at the end is the area's
 * part of the service's route table (service.ts). The area's routes share most of their schemas, so
 * they share a module (a referral or an intervention route has one of its own).
 */
export const putCaseworkerRoute = {
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
} as const satisfies HttpRoute;

export const listCaseworkersRoute = {
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
} as const satisfies HttpRoute;

export const caseworkerRoutes = {
  putCaseworker: putCaseworkerRoute,
  listCaseworkers: listCaseworkersRoute,
} as const satisfies Record<string, HttpRoute>;
