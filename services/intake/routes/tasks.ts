import type { HttpRoute } from "../../../shared/service";
import { taskListQuerySchema, taskListSchema, taskParamsSchema, taskViewSchema } from "../contract-tasks";
import { problems, staffManage, staffRead, tags } from "./common";

/**
 * Tasks: reminders and breached deadlines for a caseworker or a unit's inbox.
 * Part of the service's route table (service.ts) and apart from it, so that a function loads its
 * own area's routes and schemas, not the whole contract.
 */
export const taskRoutes = {
  listTasks: {
    method: "GET",
    path: "/v1/tasks",
    auth: staffRead,
    summary: "Tasks: reminders and breached deadlines for a caseworker or a unit's inbox",
    description:
      "`assignee=me`: the caller's own tasks; `unit`: a unit's (including those given to its caseworkers). Open tasks first, the soonest due first, then done ones, the newest done first (`status` for one of the two). Each task names a referral or a notice by id, never the person.",
    tags,
    request: { query: taskListQuerySchema },
    responses: {
      200: { description: "A page of tasks", schema: taskListSchema },
      ...problems(400, 401, 403),
    },
  },
  completeTask: {
    method: "POST",
    path: "/v1/tasks/{id}/done",
    auth: staffManage,
    summary: "Mark a task done",
    description: "A task already done is a conflict (409): someone else got there first.",
    tags,
    request: { params: taskParamsSchema },
    responses: {
      200: { description: "The task, done", schema: taskViewSchema },
      ...problems(400, 401, 403, 404, 409),
    },
  },
} as const satisfies Record<string, HttpRoute>;
