/**
 * Tasks: a reminder or a breached deadline made into work for a person, the assigned caseworker or,
 * when nobody is assigned, the unit's shared inbox. A task is opened once per source (the reminder
 * of a notice on a given day before release, the breach of one deadline due at one time), whatever
 * event id brought it, and is done when someone marks it done.
 */
import { conflict, type Decision, fail, forbidden, notFound, ok } from "../../../shared/domain/errors";
import { type TASK_TYPES, type TASK_UNITS, taskOpened } from "../../../shared/events/catalogue/tasks";
import { draft, type EventDraft } from "../../../shared/events/draft";
import { type IsoDate, startOfStockholmDay } from "../../../shared/time";
import { isActive, type Referral } from "./referral";

export type TaskType = (typeof TASK_TYPES)[number];
export type TaskUnit = (typeof TASK_UNITS)[number];
export type TaskStatus = "open" | "done";

export interface Task {
  readonly id: string;
  readonly municipality: string;
  readonly type: TaskType;
  readonly unit: TaskUnit;
  /** The caseworker it is for; absent: the unit's shared inbox. */
  readonly assignee?: string;
  readonly referralId?: string;
  readonly noticeId?: string;
  readonly triageId?: string;
  /** For a breach: the deadline that ran out. */
  readonly deadline?: string;
  readonly dueAt?: string;
  readonly createdAt: string;
  readonly status: TaskStatus;
  readonly doneAt?: string;
  readonly doneBy?: string;
  /** When its e-mail was sent: a redelivered `task.opened` sends no second one. */
  readonly mailedAt?: string;
  /** What opened it, as a key: the same source never opens a second task. */
  readonly source: string;
}

/** What a task is opened from, as the events carry it. */
export type TaskSource =
  | {
      readonly kind: "reminder";
      readonly noticeId: string;
      readonly daysBeforeRelease: number;
      readonly planDueDate: IsoDate;
    }
  | {
      readonly kind: "breach";
      readonly service: string;
      readonly subject: { readonly type: "release-notice" | "referral" | "triage"; readonly id: string };
      readonly deadline: string;
      readonly dueAt: string;
    };

/** Who the task is for, as intake knows it: the referral behind the source, or the hotline's inbox. */
export type TaskOwner =
  | { readonly kind: "referral"; readonly referral: Referral }
  | { readonly kind: "hotline" }
  /** Nobody: the referral was closed (its plan deadline met by closing), or the notice withdrawn. */
  | { readonly kind: "none" };

/**
 * The key that makes a task once per source: ids and instants only, never personal data. A breach
 * is keyed by the referral it concerns when there is one, so the plan deadline that both the
 * release-notices service (on the notice) and intake (on its referral) report breached at the same
 * due time makes one task, not two.
 */
export const taskSourceKey = (source: TaskSource, owner: TaskOwner): string => {
  if (source.kind === "reminder") return `reminder#${source.noticeId}#${source.daysBeforeRelease}`;
  const about =
    owner.kind === "referral"
      ? `referral#${owner.referral.id}`
      : `${source.subject.type}#${source.subject.id}`;
  return `breach#${about}#${source.deadline}#${new Date(source.dueAt).toISOString()}`;
};

export interface OpenedTask {
  readonly task: Task;
  readonly events: readonly EventDraft[];
}

/**
 * The task a source opens for its owner, and the event that has it mailed; undefined when there is
 * nobody to give it to. A reminder is due when the release day begins (the plan is due by then); a
 * breach keeps the due time that passed, so it sorts before what is still to come.
 */
export const openTask = (
  input: {
    readonly id: string;
    readonly municipality: string;
    readonly source: TaskSource;
    readonly owner: TaskOwner;
  },
  now: Date,
): OpenedTask | undefined => {
  const { source, owner } = input;
  if (owner.kind === "none") return undefined;
  if (owner.kind === "referral" && !isActive(owner.referral)) return undefined;
  const dueAt =
    source.kind === "reminder"
      ? startOfStockholmDay(source.planDueDate).toISOString()
      : new Date(source.dueAt).toISOString();
  const about =
    owner.kind === "referral"
      ? {
          unit: owner.referral.unit,
          referralId: owner.referral.id,
          ...(owner.referral.assignee ? { assignee: owner.referral.assignee } : {}),
        }
      : { unit: "avhoppartelefonen" as const };
  const fromSource =
    source.kind === "reminder"
      ? { noticeId: source.noticeId }
      : {
          deadline: source.deadline,
          ...(source.subject.type === "release-notice" ? { noticeId: source.subject.id } : {}),
          ...(source.subject.type === "triage" ? { triageId: source.subject.id } : {}),
        };
  const task: Task = {
    id: input.id,
    municipality: input.municipality,
    type: source.kind === "reminder" ? "release-plan-reminder" : "deadline-breached",
    ...about,
    ...fromSource,
    dueAt,
    createdAt: now.toISOString(),
    status: "open",
    source: taskSourceKey(source, owner),
  };
  const {
    municipality: _m,
    assignee: _a,
    createdAt: _c,
    status: _s,
    source: _k,
    doneAt: _d,
    doneBy: _b,
    mailedAt: _ma,
    ...facts
  } = task;
  return { task, events: [draft(taskOpened, { ...facts, taskId: task.id })] };
};

/** Who marked which task done, and when: one audit row, ids only. */
export interface TaskAuditFact {
  readonly taskId: string;
  readonly action: "task-done";
  readonly actor: string;
  readonly at: Date;
}

/** Done once: marking a done task again is a conflict, so two people learn that someone got there first. */
export const markTaskDone = (
  task: Task,
  actor: string,
  now: Date,
): Decision<{ readonly task: Task; readonly audit: TaskAuditFact }> =>
  task.status === "done"
    ? fail(conflict("The task is already done", "task-done"))
    : ok({
        task: { ...task, status: "done", doneAt: now.toISOString(), doneBy: actor },
        audit: { taskId: task.id, action: "task-done", actor, at: now },
      });

/** Staff see their own municipality's tasks; another's does not exist as far as they can tell. */
export const taskVisibleTo = (task: Task | undefined, municipality: string): Decision<Task> =>
  task && task.municipality === municipality ? ok(task) : fail(notFound("No task with this id"));

/** The hotline's on-call inbox: triages whose 24 hours ran out, with no referral behind them yet. */
export const HOTLINE_INBOX = "avhoppartelefonen" satisfies TaskUnit;

/** What the caller's token allows on tasks, as the application layer reads its scopes. */
export interface TaskAccess {
  /** `referrals:read`: any of the municipality's tasks may be listed. */
  readonly readsReferrals: boolean;
  /** `referrals:manage`: any of the municipality's tasks may be marked done. */
  readonly managesReferrals: boolean;
  /**
   * `hotline:handle`: the on-call staff, who get the hotline's breaches as tasks and a mail, work
   * that inbox and nothing else: no other unit's tasks, no referral.
   */
  readonly handlesHotline: boolean;
}

/** Listing: intake's staff any list; the on-call staff only the hotline's inbox (`unit=avhoppartelefonen`). */
export const mayListTasks = (access: TaskAccess, unit: TaskUnit | undefined): Decision<true> =>
  access.readsReferrals || (access.handlesHotline && unit === HOTLINE_INBOX)
    ? ok(true)
    : fail(
        forbidden(
          `Requires scope referrals:read; with hotline:handle only the ${HOTLINE_INBOX} inbox (unit=${HOTLINE_INBOX})`,
        ),
      );

/** Marking done: intake's managing staff any task; the on-call staff only a task in the hotline's inbox. */
export const mayCompleteTask = (access: TaskAccess, task: Task): Decision<Task> =>
  access.managesReferrals || (access.handlesHotline && task.unit === HOTLINE_INBOX)
    ? ok(task)
    : fail(
        forbidden(
          `Requires scope referrals:manage; with hotline:handle only a task in the ${HOTLINE_INBOX} inbox`,
        ),
      );
