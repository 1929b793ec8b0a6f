import type { HotlineDeps } from "../deps";
import { ScheduleStore } from "../store/schedule-store";

/** No municipality's kommunkod: no schedule is ever kept under it. */
const NO_MUNICIPALITY = "0000";

/**
 * What a telephony webhook's first call would otherwise do before it can answer, done while Lambda
 * initialises an environment for provisioned concurrency (shared/runtime/lambda.ts warmedHandler):
 * the telephony secret fetched and checked (its client built, its connection opened), the identity
 * keys for the webhook that seals the caller's number, and one read of the table, which opens the
 * connection to DynamoDB and runs the SDK's and the document client's first request. The read is
 * of a schedule no municipality has: it writes nothing and finds nothing. What stays for the first
 * call: its own items, its own schemas' first parse, and a new connection where an idle one closed.
 */
export const warmUpWebhook = async (deps: HotlineDeps, needs: { readonly keys: boolean }): Promise<void> => {
  await Promise.all([
    deps.webhookCredentials.get(),
    needs.keys ? deps.keys.get() : undefined,
    new ScheduleStore(deps).read(NO_MUNICIPALITY),
  ]);
};
