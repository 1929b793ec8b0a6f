import type { HttpRoute } from "../../../shared/service";
import { municipalityParamsSchema } from "../contract-municipality";
import { nextQuerySchema } from "../contract-ring";
import { elksNextSchema } from "../telephony/46elks";
import { formContentType, webhookResponses, webhookTags } from "./telephony-common";
import { THROTTLE } from "./throttles";

/** The outcome of one ring: a module of its own, so that its function builds this route's schemas only. */
export const nextRoute = {
  method: "POST",
  path: "/v1/hotline/voice/{municipality}/next",
  auth: { type: "webhook" },
  summary: "Telephony: the outcome of one ring",
  description:
    "`result` is `success`, `failed` or `busy`. On `failed` or `busy` the answer rings the next in the chain (on-call, next in the rotation, manager), and when the chain is exhausted plays the recorded message: the call becomes an urgent callback task. Only for a call we hold (404 otherwise), or, when we hold no record of it, with the call token of the URL we handed out.",
  tags: webhookTags,
  request: {
    params: municipalityParamsSchema,
    query: nextQuerySchema,
    body: elksNextSchema,
    bodyContentType: formContentType,
  },
  responses: webhookResponses,
  throttle: THROTTLE.next,
} as const satisfies HttpRoute;
