import { problemResponses } from "../../../shared/http/problem";
import { callActionSchema } from "../contract-telephony";

/** What the three telephony webhooks' routes (incoming.ts, next.ts, hangup.ts) have in common. */

export const webhookTags = ["hotline"];
export const formContentType = "application/x-www-form-urlencoded" as const;

/**
 * Every webhook's answers: the call action, or a problem. Their schemas are built on first use
 * (z.lazy; OpenAPI, the tests' contract check): the edge never reads a route's answers, and a caller
 * waits while a webhook loads.
 */
export const webhookResponses = {
  200: { description: "The call action (46elks JSON)", schema: callActionSchema },
  ...problemResponses(400, 401, 403, 404, 413, 415, 503),
};
