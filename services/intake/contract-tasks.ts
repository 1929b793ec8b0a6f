/** The tasks API (GET /v1/tasks, POST /v1/tasks/{id}/done): what a task looks like to staff. */
import * as z from "zod";
import { taskTypeSchema, taskUnitSchema } from "../../shared/events/catalogue/tasks";
import { entityIdSchema, isoDateTimeSchema, kommunkodSchema } from "../../shared/events/envelope";

/**
 * The hotline's on-call scope lets the on-call staff list and complete the hotline inbox's tasks,
 * nothing more (domain/tasks.ts `mayListTasks`, `mayCompleteTask`).
 */
export { HOTLINE_HANDLE_SCOPE } from "../../shared/domain/scopes";

export const taskParamsSchema = z.object({ id: entityIdSchema });

export const taskListQuerySchema = z.object({
  /** `me`: the tasks given to the caller (the token's `sub`, their caseworker id). */
  assignee: z.literal("me").optional(),
  unit: z.optional(taskUnitSchema),
  /** Absent: the open tasks, soonest due first, then the done ones, newest done first. */
  status: z.enum(["open", "done"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1024).optional(),
});

/** A task: what to do, for whom, by when. It names a referral or a notice by id, never the person. */
export const taskViewSchema = z.object({
  id: entityIdSchema,
  municipality: kommunkodSchema,
  type: taskTypeSchema,
  unit: taskUnitSchema,
  /** The caseworker it is for; absent: the unit's shared inbox. */
  assignee: z.string().optional(),
  referralId: z.optional(entityIdSchema),
  noticeId: z.optional(entityIdSchema),
  triageId: z.optional(entityIdSchema),
  /** For `deadline-breached`: the deadline that ran out, e.g. `pre-assessment`. */
  deadline: z.string().optional(),
  dueAt: z.optional(isoDateTimeSchema),
  createdAt: isoDateTimeSchema,
  status: z.enum(["open", "done"]),
  doneAt: z.optional(isoDateTimeSchema),
  doneBy: z.string().optional(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskListSchema = z.object({ items: z.array(taskViewSchema), cursor: z.string().optional() });
