import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { CHAIN_ROLES, STEP_STATUSES, TRIAGE_STATUSES, TRIAGE_STEPS } from "./domain/triage-state";

/** The triages' schemas: what on-call staff send and are shown (routes/triages.ts). */

const isoDateTime = z.iso.datetime({ offset: true });

export const triageStatusSchema = z.enum(TRIAGE_STATUSES);

export const triageParamsSchema = z.object({ id: entityIdSchema });
export const stepParamsSchema = z.object({ id: entityIdSchema, step: z.enum(TRIAGE_STEPS) });

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

export const listTriagesQuerySchema = z
  .object({
    status: triageStatusSchema,
    /** `received` (the default): oldest call first. `due`: the soonest due first, for triages still to do. */
    sort: z.optional(z.enum(["received", "due"])),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(512))),
  })
  .check(
    z.refine((q) => !(q.sort === "due" && q.status === "completed"), {
      message: "sort=due lists triages still to do: a completed triage has no due time left",
      path: ["sort"],
    }),
  );

const stepViewSchema = z.object({
  status: z.enum(STEP_STATUSES),
  note: z.optional(z.string()),
  reason: z.optional(z.string()),
  at: z.optional(isoDateTime),
  by: z.optional(z.string()),
});

export const triageSummarySchema = z.object({
  id: z.string(),
  callId: z.string(),
  municipality: kommunkodSchema,
  status: triageStatusSchema,
  receivedAt: isoDateTime,
  answeredBy: z.nullable(z.string()),
  answeredRole: z.nullable(z.enum(CHAIN_ROLES)),
  deadline: z.object({
    dueAt: isoDateTime,
    state: z.enum(DEADLINE_STATES),
    /** Whole minutes left of the 24 hours; negative once passed. */
    minutesLeft: z.number().check(z.int()),
  }),
  steps: z.object({
    "threat-assessment": stepViewSchema,
    "protective-placement": stepViewSchema,
    decision: stepViewSchema,
    "financial-assistance": stepViewSchema,
  }),
  acknowledged: z.nullable(z.object({ at: isoDateTime, by: z.string() })),
  /** `notifiedAt`: when the manager's SMS was accepted by the provider; null until then. */
  escalated: z.nullable(z.object({ at: isoDateTime, to: z.string(), notifiedAt: z.nullable(isoDateTime) })),
  completedAt: z.nullable(isoDateTime),
});

/** The full triage, for the municipality's on-call staff only; every view is audited. */
export const triageViewSchema = z.extend(triageSummarySchema, {
  caller: z.object({ phone: z.nullable(z.string()) }),
  person: z.nullable(z.object({ personalIdentityNumber: z.string() })),
});
export type TriageView = z.infer<typeof triageViewSchema>;

export const triageListSchema = z.object({
  items: z.array(triageSummarySchema),
  cursor: z.optional(z.string()),
});
