/**
 * Staff list their tasks and mark them done. The tasks are opened from events (task-events.ts),
 * which only the queue's consumer loads.
 */
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { type Caller, requireStaffMunicipality } from "../../../shared/domain/caller";
import { invalid, orThrow } from "../../../shared/domain/errors";
import { HOTLINE_HANDLE_SCOPE, type TaskView } from "../contract-tasks";
import type { IntakeDeps } from "../deps";
import {
  markTaskDone,
  mayCompleteTask,
  mayListTasks,
  type Task,
  type TaskAccess,
  taskVisibleTo,
} from "../domain/tasks";
import { SCOPES } from "../scopes";
import { listTasks, readTask, type TaskFilter, taskDoneWrites } from "../store/tasks";
import type { RequestContext } from "./context";

export interface TaskQuery {
  readonly assignee?: "me" | undefined;
  readonly unit?: TaskFilter["unit"] | undefined;
  readonly status?: TaskFilter["status"] | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

const accessOf = (caller: Caller): TaskAccess => ({
  readsReferrals: caller.scopes.has(SCOPES.read),
  managesReferrals: caller.scopes.has(SCOPES.manage),
  handlesHotline: caller.scopes.has(HOTLINE_HANDLE_SCOPE),
});

/**
 * The caller's municipality's tasks; `assignee=me`: those given to the caller by their id. The
 * on-call staff list the hotline's inbox only.
 */
export const listTasksForStaff = async (
  deps: IntakeDeps,
  query: TaskQuery,
  context: RequestContext,
): Promise<{ items: TaskView[]; cursor?: string }> => {
  const municipality = requireStaffMunicipality(context.caller);
  orThrow(mayListTasks(accessOf(context.caller), query.unit));
  const filter: TaskFilter = {
    ...(query.unit ? { unit: query.unit } : {}),
    ...(query.assignee === "me" ? { assignee: context.caller.subject } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const page = await listTasks(deps, municipality, filter, { limit: query.limit, cursor: query.cursor });
  if (!page.ok)
    throw invalid("Some fields are not valid", [
      { path: "query.cursor", message: "is not a cursor we issued" },
    ]);
  return { items: page.items.map(toTaskView), ...(page.cursor ? { cursor: page.cursor } : {}) };
};

/** Marks a task done, audited in the same transaction; two at once: the second is told it is done already. */
export const completeTask = (deps: IntakeDeps, id: string, context: RequestContext): Promise<TaskView> =>
  retryOnLostRace("task", async () => {
    const municipality = requireStaffMunicipality(context.caller);
    const now = deps.clock.now();
    const visible = orThrow(taskVisibleTo(await readTask(deps, id), municipality));
    const current = orThrow(mayCompleteTask(accessOf(context.caller), visible));
    const done = orThrow(markTaskDone(current, context.caller.subject, now));
    await deps.publisher.commit(taskDoneWrites(deps, done.task, done.audit, context.correlationId), []);
    return toTaskView(done.task);
  });

/** What staff see: the task without its source key. */
const toTaskView = ({ source: _source, mailedAt: _mailedAt, ...view }: Task): TaskView => view;
