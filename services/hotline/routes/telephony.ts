import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute, RouteThrottle } from "../../../shared/service";
import {
  callActionSchema,
  hangupQuerySchema,
  municipalityParamsSchema,
  nextQuerySchema,
} from "../contract-telephony";
import { elksHangupSchema, elksIncomingSchema, elksNextSchema } from "../telephony/46elks";

/**
 * The telephony webhooks' routes, part of the service's route table (service.ts) and apart from
 * it, so that a webhook's function loads its own route and schemas, not the staff API's: a caller
 * hears nothing until the function has loaded.
 */

const problems = problemResponses;
const tags = ["hotline"];
const form = "application/x-www-form-urlencoded" as const;
const action = { description: "The call action (46elks JSON)", schema: callActionSchema };

/** Why these sizes: see THROTTLE in service.ts. */
export const TELEPHONY_THROTTLE = {
  incoming: { rateLimit: 5, burstLimit: 10 },
  next: { rateLimit: 10, burstLimit: 20 },
  hangup: { rateLimit: 5, burstLimit: 10 },
} as const satisfies Record<string, RouteThrottle>;

const THROTTLE = TELEPHONY_THROTTLE;

export const telephonyRoutes = {
  incoming: {
    method: "POST",
    path: "/v1/hotline/voice/{municipality}/incoming",
    auth: { type: "webhook" },
    summary: "Telephony: a call comes in",
    description:
      "The provider posts the new call (form-encoded `direction`, `callid`, `from`, `to`, `created`). The answer connects the on-call worker with a ring timeout, a `next` webhook and a `whenhangup` webhook (each URL with the municipality's credentials and a signed call token); with nobody to ring, it plays the recorded message. The same `callid` again gets the same answer and opens no second triage. A call to another number than the schedule's `hotlineNumber` rings nobody and opens nothing. Served by the telephony API, from the provider's addresses only (403 otherwise).",
    tags,
    request: { params: municipalityParamsSchema, body: elksIncomingSchema(), bodyContentType: form },
    responses: { 200: action, ...problems(400, 401, 403, 404, 413, 415, 503) },
    throttle: THROTTLE.incoming,
  },
  next: {
    method: "POST",
    path: "/v1/hotline/voice/{municipality}/next",
    auth: { type: "webhook" },
    summary: "Telephony: the outcome of one ring",
    description:
      "`result` is `success`, `failed` or `busy`. On `failed` or `busy` the answer rings the next in the chain (on-call, next in the rotation, manager), and when the chain is exhausted plays the recorded message: the call becomes an urgent callback task. Only for a call we hold (404 otherwise), or, when we hold no record of it, with the call token of the URL we handed out.",
    tags,
    request: {
      params: municipalityParamsSchema,
      query: nextQuerySchema,
      body: elksNextSchema(),
      bodyContentType: form,
    },
    responses: { 200: action, ...problems(400, 401, 403, 404, 413, 415, 503) },
    throttle: THROTTLE.next,
  },
  hangup: {
    method: "POST",
    path: "/v1/hotline/voice/{municipality}/hangup",
    auth: { type: "webhook" },
    summary: "Telephony: the call ended",
    description:
      "A caller who hangs up before anyone answered becomes a callback task. Only for a call we hold (404 otherwise), or one we never recorded with the call token of the URL we handed out.",
    tags,
    request: {
      params: municipalityParamsSchema,
      query: hangupQuerySchema,
      body: elksHangupSchema(),
      bodyContentType: form,
    },
    responses: { 200: action, ...problems(400, 401, 403, 404, 413, 415, 503) },
    throttle: THROTTLE.hangup,
  },
} as const satisfies Record<string, HttpRoute>;
