/** The bodies of the notice's two commands: withdraw it, record a planning milestone. */
import * as z from "zod/mini";
import { PLAN_MILESTONES, WITHDRAWAL_REASONS } from "./domain/notice";

export const withdrawBodySchema = z.strictObject({ reason: z.optional(z.enum(WITHDRAWAL_REASONS)) });

export const planBodySchema = z.strictObject({
  milestone: z.enum(PLAN_MILESTONES),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});
