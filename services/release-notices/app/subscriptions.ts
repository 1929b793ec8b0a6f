import { notFound, orThrow } from "../../../shared/domain/errors";
import { currentSealingKey, seal, unseal } from "../../../shared/identity";
import type { KeyRing } from "../../../shared/runtime/keys";
import type { SubscriptionBody, SubscriptionView } from "../contract-subscription";
import type { ReleaseNoticesDeps } from "../deps";
import { decideReceiverUrl } from "../domain/subscription";
import {
  type StoredSubscription,
  type SubscriptionTable,
  subscriptionTable,
} from "../store/subscription-table";
import type { RequestContext } from "./context";

export interface SubscriptionDeps {
  readonly subscriptions: SubscriptionTable;
  readonly keys: KeyRing;
  readonly clock: { now(): Date };
  readonly allowLoopbackHttp: boolean;
}

/** Built once per container: the receivers' table and what sealing the secret needs. */
export const subscriptionDepsOf = (deps: ReleaseNoticesDeps): SubscriptionDeps => ({
  subscriptions: subscriptionTable(deps),
  keys: deps.keys,
  clock: deps.clock,
  allowLoopbackHttp: deps.allowLoopbackHttp,
});

// Bound to the client: a sealed secret copied onto another client's item does not open.
const secretAad = (client: string) => `subscription:${client}`;

const view = (s: StoredSubscription): SubscriptionView => ({ url: s.url, updatedAt: s.updatedAt });

const noSubscription = () => notFound("No receiver is registered for this client");

/** Registers (or replaces) the caller's receiver; the secret is kept sealed, never shown again. */
export const putSubscription = async (
  deps: SubscriptionDeps,
  body: SubscriptionBody,
  context: RequestContext,
): Promise<SubscriptionView> => {
  const url = orThrow(decideReceiverUrl(body.url, { allowLoopbackHttp: deps.allowLoopbackHttp }));
  const client = context.caller.subject;
  const keys = await deps.keys.get();
  const stored: StoredSubscription = {
    client,
    url: url.href,
    secretSealed: seal(body.secret, currentSealingKey(keys), secretAad(client)),
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.subscriptions.put(stored);
  return view(stored);
};

export const readSubscription = async (
  deps: SubscriptionDeps,
  context: RequestContext,
): Promise<SubscriptionView> => {
  const stored = await deps.subscriptions.read(context.caller.subject);
  if (!stored) throw noSubscription();
  return view(stored);
};

export const deleteSubscription = async (deps: SubscriptionDeps, context: RequestContext): Promise<void> => {
  if (!(await deps.subscriptions.delete(context.caller.subject))) throw noSubscription();
};

/** The client's receiver with its secret opened, for signing a delivery. */
export const receiverOf = async (
  deps: Pick<SubscriptionDeps, "subscriptions" | "keys">,
  client: string,
): Promise<{ readonly url: string; readonly secret: string } | undefined> => {
  const stored = await deps.subscriptions.read(client);
  if (!stored) return undefined;
  const keys = await deps.keys.get();
  return { url: stored.url, secret: unseal(stored.secretSealed, keys.sealingKeys, secretAad(client)) };
};
