/** A task's e-mail, sent when intake's queue delivers its `task.opened`. */

import type { IntakeDeps } from "../deps";
import { composeTaskMail, recipientOf } from "../domain/task-mail";
import { readTask } from "../store/tasks";

/**
 * Sends the task's mail. Nothing to send (mail off, the municipality has no address for the unit,
 * the task done before its mail went out) is logged, not failed: retrying would not change it. A
 * send the mail service refuses or cannot take rejects, so the queue tries again.
 */
export const sendTaskMail = async (deps: IntakeDeps, taskId: string): Promise<void> => {
  const task = await readTask(deps, taskId);
  if (!task) throw new Error("a task.opened names a task that does not exist");
  const mail = deps.taskMail;
  if (!mail) {
    deps.logger.debug("task mail is off: no sender configured", { taskId });
    return;
  }
  if (task.status === "done") return;
  const to = recipientOf(mail.config.directory, task);
  if (!to) {
    deps.logger.warn("no mail address for the task's unit: the task is in the console only", {
      taskId,
      unit: task.unit,
      municipality: task.municipality,
    });
    return;
  }
  await mail.mailer.send(composeTaskMail(task, to, mail.config.consoleUrl));
  deps.logger.info("task mail sent", { taskId, unit: task.unit, to: task.assignee ? "caseworker" : "inbox" });
};
