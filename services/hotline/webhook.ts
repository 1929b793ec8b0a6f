import type { Context as LambdaContext } from "aws-lambda";
import { type HttpEvent, type HttpLambda, type HttpResult, problemResult } from "../../shared/http/edge";
import { problemBody } from "../../shared/http/problem";
import { describeError } from "../../shared/logger";
import type { HotlineDeps } from "./deps";
import { basicAuthMatches, type WebhookCredentials } from "./webhook-auth";

type WebhookDeps = Pick<HotlineDeps, "webhookCredentials" | "webhookSources" | "logger">;

/**
 * Guards the telephony webhooks before the edge looks at anything else, so that nobody who is not
 * the provider learns even whether a body would have been valid: first the address the request
 * came from (the provider's servers only), then the municipality's own basic credentials (derived
 * from the one secret; see webhook-auth.ts). A refusal says nothing about which part was wrong.
 */
export const withWebhookAuth =
  (deps: WebhookDeps, edge: HttpLambda): HttpLambda =>
  async (event: HttpEvent, context: LambdaContext): Promise<HttpResult> => {
    const correlationId = event.requestContext?.requestId ?? "unknown";
    /**
     * The edge injects the Lambda context into the logger, but only once it runs; what is logged
     * here before it would carry the previous invocation's request id. Injected only on the paths
     * that log and answer without the edge: injecting twice would lose the cold-start flag.
     */
    const log = (level: "warn" | "error", message: string, extra: Record<string, unknown> = {}) => {
      deps.logger.resetKeys();
      deps.logger.addContext(context);
      deps.logger[level](message, { route: event.routeKey, correlationId, ...extra });
    };

    // The TCP peer API Gateway saw, not a header: it cannot be forged by the client. Not logged.
    if (!deps.webhookSources.allows(event.requestContext?.http?.sourceIp)) {
      log("warn", "telephony webhook refused: not from the provider's addresses");
      return refusal(
        403,
        correlationId,
        "Webhooks are accepted from the telephony provider's addresses only",
      );
    }
    const municipality = event.pathParameters?.municipality ?? "";
    const authorization = event.headers?.authorization;
    let credentials: WebhookCredentials;
    try {
      credentials = await deps.webhookCredentials.get();
      if (!basicAuthMatches(authorization, credentials, municipality)) {
        // Perhaps a credential rotated in since this container last looked: look again (rate-limited).
        credentials = await deps.webhookCredentials.reload();
      }
    } catch (error) {
      log("error", "telephony webhook credentials unavailable", { error: describeError(error) });
      return problemResult(503, correlationId);
    }
    if (!basicAuthMatches(authorization, credentials, municipality)) {
      log("warn", "telephony webhook refused");
      return refusal(401, correlationId, "Valid webhook credentials are required");
    }
    return edge(event, context);
  };

const refusal = (status: 401 | 403, correlationId: string, title: string): HttpResult => {
  const refused = problemResult(status, correlationId);
  return {
    ...refused,
    headers: {
      ...refused.headers,
      ...(status === 401 ? { "www-authenticate": 'Basic realm="hotline"' } : {}),
    },
    // The shared titles speak of bearer tokens and scopes; a webhook has rules of its own.
    body: JSON.stringify({ ...problemBody(status, { correlationId }), title }),
  };
};
