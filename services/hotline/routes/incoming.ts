import type { HttpRoute } from "../../../shared/service";
import { municipalityParamsSchema } from "../contract-municipality";
import { elksIncomingSchema } from "../telephony/46elks";
import { formContentType, webhookResponses, webhookTags } from "./telephony-common";
import { THROTTLE } from "./throttles";

/**
 * A call comes in: a module of its own, so that its function builds this route's schemas only (a
 * caller hears nothing until it has loaded).
 */
export const incomingRoute = {
  method: "POST",
  path: "/v1/hotline/voice/{municipality}/incoming",
  auth: { type: "webhook" },
  summary: "Telephony: a call comes in",
  description:
    "The provider posts the new call (form-encoded `direction`, `callid`, `from`, `to`, `created`). The answer connects the on-call worker with a ring timeout, a `next` webhook and a `whenhangup` webhook (each URL with the municipality's credentials and a signed call token); with nobody to ring, it plays the recorded message. The same `callid` again gets the same answer and opens no second triage. A call to another number than the schedule's `hotlineNumber` rings nobody and opens nothing. Served by the telephony API, from the provider's addresses only (403 otherwise).",
  tags: webhookTags,
  request: { params: municipalityParamsSchema, body: elksIncomingSchema, bodyContentType: formContentType },
  responses: webhookResponses,
  throttle: THROTTLE.incoming,
} as const satisfies HttpRoute;
