import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { SCOPES } from "../contract-scopes";
import {
  listTriagesQuerySchema,
  stepBodySchema,
  stepParamsSchema,
  triageListSchema,
  triageParamsSchema,
  triageViewSchema,
} from "../contract-triage";
import { THROTTLE } from "./throttles";

/** The on-call staff's triage routes: each handler imports its own route. */

const problems = problemResponses;
const tags = ["hotline"];

export const listTriagesRoute = {
  method: "GET",
  path: "/v1/hotline/triages",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "The municipality's triages in one status, oldest call first",
  tags,
  request: { query: listTriagesQuerySchema },
  responses: {
    200: { description: "A page of triages (no caller data)", schema: triageListSchema },
    ...problems(400, 401, 403),
  },
  throttle: THROTTLE.staffRead,
} as const satisfies HttpRoute;

export const getTriageRoute = {
  method: "GET",
  path: "/v1/hotline/triages/{id}",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "One triage, with the caller's number (audited)",
  tags,
  request: { params: triageParamsSchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404),
  },
  throttle: THROTTLE.staffRead,
} as const satisfies HttpRoute;

export const stepRoute = {
  method: "PUT",
  path: "/v1/hotline/triages/{id}/steps/{step}",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "Record a step: done, or not needed with a reason",
  description:
    "The financial-assistance step, when done, carries the person's `personalIdentityNumber`; it is stored sealed and travels sealed to intake when the triage is completed.",
  tags,
  request: { params: stepParamsSchema, body: stepBodySchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
  throttle: THROTTLE.staffWrite,
} as const satisfies HttpRoute;

export const acknowledgeRoute = {
  method: "POST",
  path: "/v1/hotline/triages/{id}/acknowledge",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "Take the triage: it is no longer escalated to the manager",
  tags,
  request: { params: triageParamsSchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404, 409),
  },
  throttle: THROTTLE.staffWrite,
} as const satisfies HttpRoute;

export const completeRoute = {
  method: "POST",
  path: "/v1/hotline/triages/{id}/complete",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "Complete the triage once no step is pending",
  tags,
  request: { params: triageParamsSchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404, 409),
  },
  throttle: THROTTLE.staffWrite,
} as const satisfies HttpRoute;
