import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { chainRoleSchema } from "../../shared/events/catalogue/hotline";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { builtOnFirstUse } from "../../shared/lazy";
import { STEP_STATUSES, TRIAGE_STATUSES } from "./domain/triage-state";

/**
 * A triage as on-call staff are shown it (routes/triages.ts); a step as they record it,
 * contract-step.ts; the list's query and page, contract-triage-list.ts. The answers' schemas are
 * built on first use (z.lazy): OpenAPI reads them, the edge never does.
 */

export const triageStatusSchema = z.enum(TRIAGE_STATUSES);

export const triageParamsSchema = z.object({ id: entityIdSchema });

const buildTriageSummary = () => {
  const isoDateTime = z.iso.datetime({ offset: true });
  const stepViewSchema = z.object({
    status: z.enum(STEP_STATUSES),
    note: z.optional(z.string()),
    reason: z.optional(z.string()),
    at: z.optional(isoDateTime),
    by: z.optional(z.string()),
  });
  return z.object({
    id: z.string(),
    callId: z.string(),
    municipality: kommunkodSchema,
    status: triageStatusSchema,
    receivedAt: isoDateTime,
    answeredBy: z.nullable(z.string()),
    answeredRole: z.nullable(chainRoleSchema),
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
};
/** The object schema itself, for the full view that extends it. */
const triageSummaryObject = builtOnFirstUse(buildTriageSummary);
export const triageSummarySchema = z.lazy(triageSummaryObject);

/** The full triage, for the municipality's on-call staff only; every view is audited. */
export const triageViewSchema = z.lazy(() =>
  z.extend(triageSummaryObject(), {
    caller: z.object({ phone: z.nullable(z.string()) }),
    person: z.nullable(z.object({ personalIdentityNumber: z.string() })),
  }),
);
export type TriageView = z.infer<typeof triageViewSchema>;
