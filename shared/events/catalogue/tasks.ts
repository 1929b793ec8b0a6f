import * as z from "zod/mini";
import { defineEvent, entityIdSchema, isoDateTimeSchema } from "../envelope";
import { UNITS } from "./intake";

/** What a task asks of a person: prepare a release plan that falls due, or act on a breached deadline. */
export const TASK_TYPES = ["release-plan-reminder", "deadline-breached"] as const;
/**
 * Who a task goes to: intake's units, or the avhoppartelefon's on-call inbox for a triage whose 24
 * hours ran out (the hotline has no unit in intake, and no referral exists before a triage ends).
 */
export const TASK_UNITS = [...UNITS, "avhoppartelefonen"] as const;
export const taskTypeSchema = z.enum(TASK_TYPES);
export const taskUnitSchema = z.enum(TASK_UNITS);

/**
 * A task was opened (intake, from a `release-plan.reminder` or a `deadline.breached`). Intake
 * itself consumes it to send the task's e-mail, so that a failed send is retried by the queue and
 * ends in the dead-letter queue while the task stays. Who it is for stays in intake.
 */
export const taskOpened = defineEvent("task.opened", 1, () =>
  z.object({
    taskId: entityIdSchema,
    type: taskTypeSchema,
    unit: taskUnitSchema,
    /** For `deadline-breached`: which deadline, e.g. `pre-assessment`, `release-plan`, `triage-24h`. */
    deadline: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    dueAt: z.optional(isoDateTimeSchema),
    referralId: z.optional(entityIdSchema),
    noticeId: z.optional(entityIdSchema),
    triageId: z.optional(entityIdSchema),
  }),
);
