import * as z from "zod/mini";
import { triageStepSchema } from "../../shared/events/catalogue/hotline";
import { entityIdSchema } from "../../shared/events/envelope";
import { STEP_STATUSES } from "./domain/triage-state";

/** A triage's step as staff record it: only the step function builds these (routes/step.ts). */

export const stepParamsSchema = z.object({ id: entityIdSchema, step: triageStepSchema });

/** Format only; the check digit and date are checked by the domain against the clock. */
const identityNumberInputSchema = z
  .string()
  .check(z.trim(), z.regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer"));

export const stepBodySchema = z
  .strictObject({
    status: z.enum(STEP_STATUSES),
    note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    /** Required when the step is not needed: why not. */
    reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
    /** The person's identity number: required when the financial-assistance step is done. */
    personalIdentityNumber: z.optional(identityNumberInputSchema),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.status === "not-needed" && !body.reason) {
        ctx.addIssue({
          code: "custom",
          path: ["reason"],
          message: "is required when the step is not needed",
        });
      }
    }),
  );
export type StepBody = z.output<typeof stepBodySchema>;
