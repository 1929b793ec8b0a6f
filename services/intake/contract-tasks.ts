/** The tasks API (GET /v1/tasks, POST /v1/tasks/{id}/done): what a task looks like to staff. */
import * as z from "zod/mini";
import { taskTypeSchema, taskUnitSchema } from "../../shared/events/catalogue/tasks";
import { entityIdSchema, isoDateTimeSchema, kommunkodSchema } from "../../shared/events/envelope";

/**
 * The hotline's on-call scope lets the on-call staff list and complete the hotline inbox's tasks,
 * nothing more (domain/tasks.ts `mayListTasks`, `mayCompleteTask`).
 */
export { HOTLINE_HANDLE_SCOPE } from "../../shared/domain/scopes";

const taskStatus = z.enum(["open", "done"]);

export const taskParamsSchema = z.object({ id: entityIdSchema });

export const taskListQuerySchema = z.object({
  /** `me`: the tasks given to the caller (the token's `sub`, their caseworker id). */
  assignee: z.optional(z.literal("me")),
  unit: z.optional(taskUnitSchema),
  /** Absent: the open tasks, soonest due first, then the done ones, newest done first. */
  status: z.optional(taskStatus),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});

/**
 * A task: what to do, for whom, by when. It names a referral or a notice by id, never the person.
 * The answers document the routes and check answers in tests; no function checks its own, so they
 * are built on first use (z.lazy), not as the functions load.
 */
export const taskViewSchema = z.lazy(() => {
  // One instance per field type, shared by the fields of that type.
  const optionalId = z.optional(entityIdSchema);
  const optionalText = z.optional(z.string());
  const optionalDateTime = z.optional(isoDateTimeSchema);
  return z.object({
    id: entityIdSchema,
    municipality: kommunkodSchema,
    type: taskTypeSchema,
    unit: taskUnitSchema,
    /** The caseworker it is for; absent: the unit's shared inbox. */
    assignee: optionalText,
    referralId: optionalId,
    noticeId: optionalId,
    triageId: optionalId,
    /** For `deadline-breached`: the deadline that ran out, e.g. `pre-assessment`. */
    deadline: optionalText,
    dueAt: optionalDateTime,
    createdAt: isoDateTimeSchema,
    status: taskStatus,
    doneAt: optionalDateTime,
    doneBy: optionalText,
  });
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskListSchema = z.lazy(() =>
  z.object({ items: z.array(taskViewSchema), cursor: z.optional(z.string()) }),
);
