import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { municipalityParamsSchema } from "../contract-municipality";
import { scheduleBodySchema, scheduleViewSchema } from "../contract-schedule";
import { SCOPES } from "../contract-scopes";
import { THROTTLE } from "./throttles";

/** Saving and reading a municipality's on-call schedule: each handler imports its own route. */

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
