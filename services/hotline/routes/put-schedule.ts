import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { municipalityParamsSchema } from "../contract-municipality";
import { scheduleViewSchema } from "../contract-schedule";
import { scheduleBodySchema } from "../contract-schedule-body";
import { SCOPES } from "../contract-scopes";
import { THROTTLE } from "./throttles";

/**
 * Saving a municipality's on-call schedule: the one route that builds the schedule body's schemas.
 * A route's answers are built on first read (OpenAPI, the tests' contract check): the edge
 * never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const putScheduleRoute = {
  method: "PUT",
  path: "/v1/hotline/schedules/{municipality}",
  auth: { type: "jwt", scopes: [SCOPES.admin] },
  summary: "Set the municipality's on-call schedule",
  description:
    "Replaces the schedule: a rotation with a handoff time in the schedule's time zone, overrides (a later override wins where two overlap), the manager, the ring timeout and the recorded message.",
  tags,
  request: { params: municipalityParamsSchema, body: scheduleBodySchema },
  responses: {
    200: { description: "The schedule, replaced", schema: scheduleViewSchema },
    201: { description: "The schedule, created", schema: scheduleViewSchema },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
  throttle: THROTTLE.scheduleWrite,
} as const satisfies HttpRoute;
