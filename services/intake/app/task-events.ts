/**
 * Tasks from other services' events (and intake's own breaches): a `release-plan.reminder` or a
 * `deadline.breached` opens a task for the referral's caseworker or its unit's inbox, and its
 * `task.opened` has it mailed. Only the queue's consumer loads this module (app/tasks.ts: staff).
 */
import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import { releasePlanReminder } from "../../../shared/events/catalogue/release-notices";
import { taskOpened } from "../../../shared/events/catalogue/tasks";
import type { Outcome } from "../../../shared/events/consumer";
import type { Envelope } from "../../../shared/events/envelope";
import { isEvent } from "../../../shared/events/parse";
import { newMonotonicId } from "../../../shared/ids";
import type { IntakeDeps } from "../deps";
import { openTask, type TaskOwner, type TaskSource, taskSourceKey } from "../domain/tasks";
import { readReferral } from "../store/reads";
import { readSource } from "../store/sources";
import { newTaskWrites, readTaskBySource } from "../store/tasks";
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
