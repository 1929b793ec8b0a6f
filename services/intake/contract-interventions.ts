/** The interventions API: what staff read back (the bodies they post and patch: routes/intervention/). */
import * as z from "zod/mini";
import {
  interventionOutcomeSchema,
  interventionTypeSchema,
} from "../../shared/events/catalogue/interventions";
import { isoDateSchema } from "../../shared/events/envelope";
import { PROVIDER_UNITS } from "../../shared/interventions";
import { referralIdSchema } from "./contract-ids";

export const interventionIdSchema = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be an intervention id"));

export const interventionParamsSchema = z.object({
  id: referralIdSchema,
  interventionId: interventionIdSchema,
});

/** A Swedish calendar date: a decision, a start and an end are dated, not timed. */
const date = isoDateSchema;

/**
 * One intervention for the municipality's staff, its note and description opened; every read is
 * audited. Built on first use (z.lazy): the answer documents the routes; no function checks its own.
 */
export const interventionViewSchema = z.lazy(() => {
  const recorded = z.object({ at: z.iso.datetime({ offset: true }), by: z.string() });

  return z.object({
    id: interventionIdSchema,
    referralId: referralIdSchema,
    type: interventionTypeSchema,
    /** From the catalogue: who provides it. */
    provider: z.enum(
      Object.keys(PROVIDER_UNITS) as [keyof typeof PROVIDER_UNITS, ...(keyof typeof PROVIDER_UNITS)[]],
    ),
    status: z.enum(["decided", "started", "ended"]),
    decidedAt: date,
    startedAt: z.optional(date),
    endedAt: z.optional(date),
    outcome: z.optional(interventionOutcomeSchema),
    /** The first intervention started on the referral. */
    firstOnReferral: z.optional(z.literal(true)),
    description: z.optional(z.string()),
    note: z.optional(z.string()),
    recorded,
    startRecorded: z.optional(recorded),
    endRecorded: z.optional(recorded),
  });
});
export type InterventionView = z.infer<typeof interventionViewSchema>;

export const interventionListSchema = z.lazy(() => z.object({ items: z.array(interventionViewSchema) }));
