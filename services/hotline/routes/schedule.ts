import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { municipalityParamsSchema } from "../contract-municipality";
import { scheduleViewSchema } from "../contract-schedule";
import { SCOPES } from "../contract-scopes";
import { THROTTLE } from "./throttles";

/**
 * Reading a municipality's on-call schedule; saving one is put-schedule.ts, whose body this never builds.
 * A route's answers are built on first read (OpenAPI, the tests' contract check): the edge
 * never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const getScheduleRoute = {
  method: "GET",
  path: "/v1/hotline/schedules/{municipality}",
  auth: { type: "jwt", scopes: [SCOPES.admin, SCOPES.handle] },
  summary: "Read the municipality's on-call schedule",
  tags,
  request: { params: municipalityParamsSchema },
  responses: {
    200: { description: "The schedule", schema: scheduleViewSchema },
    ...problems(400, 401, 403, 404),
  },
  throttle: THROTTLE.scheduleRead,
} as const satisfies HttpRoute;
