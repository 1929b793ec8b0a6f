import type { NoticeView } from "../contract-views";
import { decideMilestone } from "../domain/milestone";
import type { PlanMilestone } from "../domain/notice";
import { decideAndCommit } from "./commit-transition";
import type { AppDeps, RequestContext } from "./context";
import { sealNote } from "./personal-data";
import { toFullView } from "./views";

/** POST .../plan: staff record contact made or the plan ready; the note is stored sealed. */
export const recordMilestone = async (
  deps: AppDeps,
  noticeId: string,
  milestone: PlanMilestone,
  note: string | undefined,
  context: RequestContext,
): Promise<NoticeView> => {
  const now = deps.clock.now();
  const { notice } = await decideAndCommit(deps, noticeId, context.correlationId, now, (current, keys) => {
    // Sealed here, bound to the notice and the entry: the rules and the table never hold it in clear.
    const noteSealed = current ? sealNote(keys, current, milestone, now, note) : undefined;
    return decideMilestone(
      current,
      { milestone, ...(noteSealed ? { noteSealed } : {}) },
      context.caller,
      now,
    );
  });
  return toFullView(notice, await deps.keys.get(), now);
};
