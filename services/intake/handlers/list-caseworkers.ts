import { requireStaffMunicipality } from "../../../shared/domain/caller";
import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type IntakeDeps } from "../deps";
import { Referrals } from "../referrals";
import { routes } from "../service";
import { caseworkerView } from "../views";

export const createHandler = (deps: IntakeDeps) => {
  const referrals = new Referrals(deps);
  return createHttpHandler(routes.listCaseworkers, deps.logger, async ({ params, caller }) => {
    const municipality = requireStaffMunicipality(caller);
    const items = await referrals.listCaseworkers(municipality, params.unit);
    return json(200, { items: items.map(caseworkerView) });
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
