/** A task's e-mail, sent when intake's queue delivers its `task.opened`. */
import type { Outcome } from "../../../shared/events/consumer";
import type { IntakeDeps } from "../deps";
import { composeTaskMail, recipientOf } from "../domain/task-mail";
import { readTask, taskMailedWrite } from "../store/tasks";

/**
 * Sends the task's mail, and marks the task mailed in the same commit as the event's dedupe mark,
 * so a redelivery sends no second mail (only a crash between the send and that commit can). Nothing
 * to send (mail off, no address for the unit, the task done before its mail went out) is logged,
 * not failed: retrying would not change it. A send the mail service refuses or cannot take
 * rejects, so the queue tries again, and in the end dead-letters the event; the task stays.
 */
export const sendTaskMail = async (
  deps: IntakeDeps,
  taskId: string,
  now: Date,
): Promise<Outcome | undefined> => {
  const task = await readTask(deps, taskId);
  if (!task) throw new Error("a task.opened names a task that does not exist");
  const mail = deps.taskMail;
  if (!mail) {
    deps.logger.debug("task mail is off: no sender configured", { taskId });
    return undefined;
  }
  if (task.status === "done" || task.mailedAt) return undefined;
  const to = recipientOf(mail.config.directory, task);
  if (!to) {
    deps.logger.warn("no mail address for the task's unit: the task is in the console only", {
      taskId,
      unit: task.unit,
      municipality: task.municipality,
    });
    return undefined;
  }
  await mail.mailer.send(composeTaskMail(task, to, mail.config.consoleUrl));
  deps.logger.info("task mail sent", { taskId, unit: task.unit, to: task.assignee ? "caseworker" : "inbox" });
  return { writes: [taskMailedWrite(deps.tableName, task.id, now)] };
};
