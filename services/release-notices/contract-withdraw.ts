/** The body of a withdrawal (the plan's milestone has its own: contract-plan.ts). */
import * as z from "zod/mini";
import { WITHDRAWAL_REASONS } from "./domain/notice";

export const withdrawBodySchema = z.strictObject({ reason: z.optional(z.enum(WITHDRAWAL_REASONS)) });
