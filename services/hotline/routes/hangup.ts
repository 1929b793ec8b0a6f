import type { HttpRoute } from "../../../shared/service";
import { municipalityParamsSchema } from "../contract-municipality";
import { hangupQuerySchema } from "../contract-webhook-urls";
import { elksHangupSchema } from "../telephony/46elks";
import { formContentType, webhookResponses, webhookTags } from "./telephony-common";
import { THROTTLE } from "./throttles";

/** The call ended: a module of its own, so that its function builds this route's schemas only. */
export const hangupRoute = {
  method: "POST",
  path: "/v1/hotline/voice/{municipality}/hangup",
  auth: { type: "webhook" },
  summary: "Telephony: the call ended",
  description:
    "A caller who hangs up before anyone answered becomes a callback task. Only for a call we hold (404 otherwise), or one we never recorded with the call token of the URL we handed out.",
  tags: webhookTags,
  request: {
    params: municipalityParamsSchema,
    query: hangupQuerySchema,
    body: elksHangupSchema,
    bodyContentType: formContentType,
  },
  responses: webhookResponses,
  throttle: THROTTLE.hangup,
} as const satisfies HttpRoute;
