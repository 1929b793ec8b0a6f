import { invalid } from "../../../shared/domain/errors";
import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { postReferral } from "../app/post-referral";
import { idempotencyKeySchema } from "../contract-report";
import { createDeps, type IntakeDeps } from "../deps";
import { createRoute } from "../routes/referral/create";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(createRoute, deps.logger, async ({ body, headers, caller, correlationId }) => {
    const posted = await postReferral(deps, body, idempotencyKeyOf(headers), { caller, correlationId });
    const status = posted.created ? 201 : 200;
    return "id" in posted.body
      ? json(status, posted.body, { location: `/v1/referrals/${posted.body.id}` })
      : json(status, posted.body);
  });

/** A header is not part of the route's schemas: checked here, at the edge, like the body. */
const idempotencyKeyOf = (headers: Readonly<Record<string, string | undefined>>): string | undefined => {
  const value = headers["idempotency-key"];
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    // The schema's own rule in words (its form, or that it holds a personnummer), never the value.
    const message = parsed.error.issues[0]?.message ?? "must be 1-128 printable characters";
    throw invalid("Some fields are not valid", [{ path: "header.idempotency-key", message }]);
  }
  return parsed.data;
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
