import type { Context as LambdaContext } from "aws-lambda";
import { type HttpEvent, type HttpLambda, type HttpResult, problemResult } from "../../shared/http/edge";
import { problemBody } from "../../shared/http/problem";
import { describeError } from "../../shared/logger";
import type { HotlineDeps } from "./deps";
import { basicAuthMatches } from "./webhook-auth";

/**
 * Checks the webhook's basic credentials before the edge looks at anything else, so that nobody
 * without them learns even whether a body would have been valid. A refusal says nothing about
 * which part was wrong.
 */
export const withWebhookAuth =
  (deps: Pick<HotlineDeps, "webhookCredentials" | "logger">, edge: HttpLambda): HttpLambda =>
  async (event: HttpEvent, context: LambdaContext): Promise<HttpResult> => {
    const correlationId = event.requestContext?.requestId ?? "unknown";
    let credentials: Awaited<ReturnType<HotlineDeps["webhookCredentials"]["get"]>>;
    try {
      credentials = await deps.webhookCredentials.get();
    } catch (error) {
      deps.logger.error("telephony webhook credentials unavailable", { error: describeError(error) });
      return problemResult(503, correlationId);
    }
    if (!basicAuthMatches(event.headers?.authorization, credentials)) {
      deps.logger.warn("telephony webhook refused", { route: event.routeKey, correlationId });
      const refused = problemResult(401, correlationId);
      return {
        ...refused,
        headers: { ...refused.headers, "www-authenticate": 'Basic realm="hotline"' },
        // The shared title speaks of bearer tokens; a webhook has credentials of its own.
        body: JSON.stringify({
          ...problemBody(401, { correlationId }),
          title: "Valid webhook credentials are required",
        }),
      };
    }
    return edge(event, context);
  };
