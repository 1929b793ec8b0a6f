/** The body of a planning milestone: contact made or the plan ready, with an optional note. */
import * as z from "zod/mini";
import { PLAN_MILESTONES } from "./domain/notice";

export const planBodySchema = z.strictObject({
  milestone: z.enum(PLAN_MILESTONES),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});
