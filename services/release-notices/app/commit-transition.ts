import { toEnvelopes } from "../../../shared/app/envelopes";
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { type Decision, orThrow } from "../../../shared/domain/errors";
import type { Envelope } from "../../../shared/events/envelope";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { Notice } from "../domain/notice";
import { statusChanges } from "../domain/status-change";
import type { Outcome, Transition } from "../domain/transition";
import type { VersionedNotice } from "../store/notice-item";
import type { AppDeps } from "./context";
import { sealLegacyNotes } from "./personal-data";

/**
 * The domain's event drafts, and the status changes the client that posted the notice is told
 * of, in envelopes: the notice's municipality, the request's correlation id.
 */
export const envelopesOf = (
  t: Transition,
  previous: Notice | undefined,
  correlationId: string,
  now: Date,
): Envelope[] =>
  toEnvelopes("release-notices", [...t.events, ...statusChanges(previous, t.notice, now)], {
    municipality: t.notice.municipality,
    correlationId,
    now,
  });

export const commitTransition = (
  deps: Pick<AppDeps, "table">,
  t: Transition,
  previous: Notice | undefined,
  expected: number | "new",
  correlationId: string,
  now: Date,
): Promise<void> =>
  deps.table.commit(t, expected, envelopesOf(t, previous, correlationId, now), correlationId);

type Decide = (current: Notice | undefined, keys: KeyMaterial) => Decision<Outcome>;

/**
 * Read → decide → commit for one notice, conditioned on the version read. A lost race with a
 * concurrent request reads again and decides again (a retried post then finds its own notice);
 * after three losses the caller gets a conflict. Returns the notice as it now stands.
 *
 * With `assumeNew` (a post: almost always a new notice) the first attempt skips the read and lets
 * the write's condition do the looking; a refusal decided that way is decided again after a read,
 * since the stored notice may change the answer (a late retry of a notice already received).
 */
export const decideAndCommit = (
  deps: Pick<AppDeps, "table" | "keys">,
  noticeId: string,
  correlationId: string,
  now: Date,
  decide: Decide,
  options: { readonly assumeNew?: boolean } = {},
): Promise<{ readonly notice: Notice; readonly changed: boolean }> => {
  const settle = async (outcome: Outcome, read: VersionedNotice | undefined) => {
    if (outcome.kind === "unchanged") return { notice: outcome.notice, changed: false };
    await commitTransition(
      deps,
      outcome.transition,
      read?.notice,
      read ? read.version : "new",
      correlationId,
      now,
    );
    return { notice: outcome.transition.notice, changed: true };
  };
  let unread = options.assumeNew === true;
  return retryOnLostRace("notice", async () => {
    const keys = await deps.keys.get();
    if (unread) {
      unread = false;
      const decision = decide(undefined, keys);
      if (decision.ok) return settle(decision.value, undefined);
    }
    const read = await deps.table.read(noticeId);
    // Notes an earlier version stored in clear go back sealed with whatever this change writes.
    return settle(orThrow(decide(read && sealLegacyNotes(read.notice, keys), keys)), read);
  });
};
