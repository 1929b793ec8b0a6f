/**
 * Tasks from other services' events (and intake's own breaches): a `release-plan.reminder` or a
 * `deadline.breached` opens a task for the referral's caseworker or its unit's inbox, and its
 * `task.opened` has it mailed. Staff list their tasks and mark them done.
 */
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { type Caller, requireStaffMunicipality } from "../../../shared/domain/caller";
import { invalid, orThrow } from "../../../shared/domain/errors";
import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import { releasePlanReminder } from "../../../shared/events/catalogue/release-notices";
import { taskOpened } from "../../../shared/events/catalogue/tasks";
import type { Outcome } from "../../../shared/events/consumer";
import type { Envelope } from "../../../shared/events/envelope";
import { isEvent } from "../../../shared/events/parse";
import { newMonotonicId } from "../../../shared/ids";
import { HOTLINE_HANDLE_SCOPE, type TaskView } from "../contract-tasks";
import type { IntakeDeps } from "../deps";
import {
  markTaskDone,
  mayCompleteTask,
  mayListTasks,
  openTask,
  type Task,
  type TaskAccess,
  type TaskOwner,
  type TaskSource,
  taskSourceKey,
  taskVisibleTo,
} from "../domain/tasks";
import { SCOPES } from "../scopes";
import { readReferral } from "../store/reads";
import { readSource } from "../store/sources";
import {
  listTasks,
  newTaskWrites,
  readTask,
  readTaskBySource,
  type TaskFilter,
  taskDoneWrites,
} from "../store/tasks";
import type { RequestContext } from "./context";
import { toEnvelopes } from "./envelopes";
import { sendTaskMail } from "./task-mail";

type Handler = (event: Envelope, context: { now: Date }) => Promise<Outcome | undefined>;

export const taskEventHandlers = (deps: IntakeDeps): Record<string, Handler> => {
  /**
   * A notice's referral. No source row yet: the notice's own event has not been handled (queues
   * keep no order), so fail and let the queue bring this one back later; a tombstone: withdrawn.
   */
  const noticeOwner = async (noticeId: string): Promise<TaskOwner> => {
    const source = await readSource(deps, "release-notice", noticeId);
    if (!source) throw new Error("the notice has not reached intake yet; retried");
    const referral = source.referralId ? await readReferral(deps, source.referralId) : undefined;
    return referral ? { kind: "referral", referral } : { kind: "none" };
  };

  const open = async (event: Envelope, source: TaskSource, ownerOf: () => Promise<TaskOwner>, now: Date) => {
    const owner = await ownerOf();
    // Opened already (the same reminder or breach under another event id, or from the other service): nothing to do.
    if (await readTaskBySource(deps, taskSourceKey(source, owner))) return undefined;
    const opened = openTask({ id: newMonotonicId(), municipality: event.municipality, source, owner }, now);
    if (!opened) return undefined;
    return {
      writes: newTaskWrites(deps.tableName, opened.task),
      events: toEnvelopes(opened.events, {
        municipality: event.municipality,
        correlationId: event.correlationId,
        now,
      }),
    };
  };

  return {
    [releasePlanReminder.type]: async (event, { now }) => {
      if (!isEvent(event, releasePlanReminder)) return undefined;
      const source: TaskSource = { kind: "reminder", ...event.data };
      return open(event, source, () => noticeOwner(event.data.noticeId), now);
    },

    [deadlineBreached.type]: async (event, { now }) => {
      if (!isEvent(event, deadlineBreached)) return undefined;
      const { service, subject, deadline, dueAt } = event.data;
      const source: TaskSource = { kind: "breach", service, subject, deadline, dueAt };
      const owner = async (): Promise<TaskOwner> => {
        if (subject.type === "triage") return { kind: "hotline" };
        if (subject.type === "release-notice") return noticeOwner(subject.id);
        const referral = await readReferral(deps, subject.id);
        return referral ? { kind: "referral", referral } : { kind: "none" };
      };
      return open(event, source, owner, now);
    },

    /** The mail goes out from the queue: a failed send fails the message, which is retried, then dead-lettered. */
    [taskOpened.type]: async (event, { now }) => {
      if (!isEvent(event, taskOpened)) return undefined;
      return sendTaskMail(deps, event.data.taskId, now);
    },
  };
};

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
