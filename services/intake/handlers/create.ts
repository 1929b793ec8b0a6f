import { createHttpHandler, json } from "../../../shared/http/edge";
import { HttpProblem } from "../../../shared/http/problem";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { idempotencyKeySchema } from "../contract";
import { createDeps, type IntakeDeps } from "../deps";
import { Referrals } from "../referrals";
import { routes } from "../service";

export const createHandler = (deps: IntakeDeps) => {
  const referrals = new Referrals(deps);
  return createHttpHandler(routes.create, deps.logger, async ({ body, headers, caller, correlationId }) => {
    const { created, referral } = await referrals.create(body, idempotencyKeyOf(headers), {
      caller,
      correlationId,
    });
    return json(created ? 201 : 200, referral, { location: `/v1/referrals/${referral.id}` });
  });
};

const idempotencyKeyOf = (headers: Readonly<Record<string, string | undefined>>): string | undefined => {
  const value = headers["idempotency-key"];
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(400, "Some fields are not valid", [
      { path: "header.idempotency-key", message: "must be 1-128 printable characters" },
    ]);
  }
  return parsed.data;
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
