import type { HttpRoute } from "../../../shared/service";
import {
  HOTLINE_HANDLE_SCOPE,
  taskListQuerySchema,
  taskListSchema,
  taskParamsSchema,
  taskViewSchema,
} from "../contract-tasks";
import { SCOPES } from "../scopes";
import { problems, tags } from "./common";

/**
 * Tasks: reminders and breached deadlines for a caseworker or a unit's inbox.
 * Each route is a const of its own, which its handler imports; the table at the end is the area's
 * part of the service's route table (service.ts). The area's routes share most of their schemas, so
 * they share a module (a referral or an intervention route has one of its own).
 */
export const listTasksRoute = {
  method: "GET",
  path: "/v1/tasks",
  auth: { type: "jwt", scopes: [SCOPES.read, HOTLINE_HANDLE_SCOPE] },
  summary: "Tasks: reminders and breached deadlines for a caseworker or a unit's inbox",
  description:
    "`assignee=me`: the caller's own tasks; `unit`: a unit's (including those given to its caseworkers). Open tasks first, the soonest due first, then done ones, the newest done first (`status` for one of the two). Each task names a referral or a notice by id, never the person. The hotline's on-call staff (`hotline:handle` without `referrals:read`) may list only their inbox, `unit=avhoppartelefonen` (403 otherwise).",
  tags,
  request: { query: taskListQuerySchema },
  responses: {
    200: { description: "A page of tasks", schema: taskListSchema },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;

export const completeTaskRoute = {
  method: "POST",
  path: "/v1/tasks/{id}/done",
  auth: { type: "jwt", scopes: [SCOPES.manage, HOTLINE_HANDLE_SCOPE] },
  summary: "Mark a task done",
  description:
    "Audited. A task already done is a conflict (409): someone else got there first. The hotline's on-call staff (`hotline:handle` without `referrals:manage`) may mark done only a task in the `avhoppartelefonen` inbox (403 otherwise).",
  tags,
  request: { params: taskParamsSchema },
  responses: {
    200: { description: "The task, done", schema: taskViewSchema },
    ...problems(400, 401, 403, 404, 409),
  },
} as const satisfies HttpRoute;

export const taskRoutes = {
  listTasks: listTasksRoute,
  completeTask: completeTaskRoute,
} as const satisfies Record<string, HttpRoute>;
