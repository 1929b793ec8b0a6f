import * as z from "zod/mini";
import { INTERVENTION_OUTCOMES, INTERVENTION_TYPES } from "../../interventions";
import { defineEvent, entityIdSchema, isoDateSchema } from "../envelope";
import { ageGroupSchema, referralKindSchema, unitSchema } from "./intake";

export const interventionTypeSchema = z.enum(INTERVENTION_TYPES);
export const interventionOutcomeSchema = z.enum(INTERVENTION_OUTCOMES);

/**
 * Repeated on every intervention event, so that a consumer can count it without keeping the
 * referral: the referral's kind, unit and age group on receipt, never the person (the municipality
 * is the envelope's). An `other` intervention's description stays in intake, sealed.
 */
const interventionFacts = {
  referralId: entityIdSchema,
  interventionId: entityIdSchema,
  kind: referralKindSchema,
  unit: unitSchema,
  ageGroup: ageGroupSchema,
  type: interventionTypeSchema,
  /** The Swedish calendar date of the decision. */
  decidedAt: isoDateSchema,
};

/** Staff recorded a decision on an intervention (which may have started the same day: then `.started` follows). */
export const interventionDecided = defineEvent("intervention.decided", 1, () => z.object(interventionFacts));

export const interventionStarted = defineEvent("intervention.started", 1, () =>
  z.object({
    ...interventionFacts,
    /** The Swedish calendar date it started. */
    startedAt: isoDateSchema,
    /** Calendar days (Swedish dates) from the referral's receipt to the start. */
    daysFromReferral: z.int().check(z.nonnegative()),
    /** The first intervention recorded as started on this referral. */
    firstOnReferral: z.boolean(),
  }),
);

export const interventionEnded = defineEvent("intervention.ended", 1, () =>
  z.object({
    ...interventionFacts,
    /** Absent when it ended without starting (declined, or the person moved first). */
    startedAt: z.optional(isoDateSchema),
    endedAt: isoDateSchema,
    outcome: interventionOutcomeSchema,
  }),
);
