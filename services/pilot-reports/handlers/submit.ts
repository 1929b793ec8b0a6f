import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import type { HttpRoute } from "../../../shared/service";
import { submit } from "../app/submissions";
import { createDeps, type PilotReportsDeps } from "../deps";
import { submitRoute } from "../routes/submit";
import { readSubmissionBody } from "../submission-body";

/**
 * The route documents its JSON body for the OpenAPI document, but takes CSV too, which the edge
 * would refuse (415): the edge gets the route without a body and the handler reads the raw body.
 * Nor does the edge get the documented answers, which only the document builds (routes/submit.ts).
 */
const rawBodyRoute = {
  method: submitRoute.method,
  path: submitRoute.path,
  auth: submitRoute.auth,
  summary: submitRoute.summary,
  request: { params: submitRoute.request.params },
  responses: {},
} as const satisfies HttpRoute;

export const createHandler = (deps: PilotReportsDeps) =>
  createHttpHandler(rawBodyRoute, deps.logger, async ({ params, caller, event, correlationId }) => {
    const input = readSubmissionBody(event);
    const { created, submission } = await submit(
      deps,
      caller,
      { municipality: params.municipality, month: params.month, input, correlationId },
      () => deps.clock.now(),
    );
    return json(created ? 201 : 200, submission);
  });

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
