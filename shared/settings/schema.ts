/**
 * What a municipality may set for itself, as zod schemas: the body of a PUT (every field optional:
 * what is left out keeps its default, `defaults.ts`), the settings in force (every field present),
 * and one entry of the history as stored. Pure: imported by intake (which edits them) and by every
 * service that applies a rule (each through its own store).
 */
import * as z from "zod";
import { REFERRAL_KINDS, UNITS } from "../events/catalogue/intake-lists";
import { isValidIsoDate } from "../time";

/** The national floor for disclosure control: no municipality may show smaller counts than this. */
export const NATIONAL_SUPPRESSION_THRESHOLD = 5;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
  .refine(isValidIsoDate, "must be a date (YYYY-MM-DD)");

/**
 * One override of the routing table: referrals of these kinds and ages go to `unit`. Overrides are
 * tried before the national table, first match wins. A child (under 18) always goes to Mottag barn
 * (issue 11: "a child who calls is a child"), so an override for another unit must start at 18.
 */
export const routingOverrideSchema = z
  .strictObject({
    unit: z.enum(UNITS),
    kinds: z.array(z.enum(REFERRAL_KINDS)).min(1).optional(),
    minAge: z.number().int().min(0).max(130).optional(),
    maxAge: z.number().int().min(0).max(130).optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.minAge !== undefined && rule.maxAge !== undefined && rule.minAge > rule.maxAge) {
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "must be at least minAge" });
    }
    if (rule.unit !== "mottag-barn" && (rule.minAge ?? 0) < 18) {
      ctx.addIssue({
        code: "custom",
        path: ["minAge"],
        message:
          "must be at least 18 for a unit other than mottag-barn: a child's referral always goes to Mottag barn",
      });
    }
  });
export type RoutingOverride = z.infer<typeof routingOverrideSchema>;

export const hotlineSettingsSchema = z.strictObject({
  /** An answered call's triage not acknowledged this long after it opened goes to the manager. */
  acknowledgeMinutes: z.number().int().min(1).max(1440),
  /** An unanswered call waiting for a callback goes to the manager this long after it opened. */
  escalateMinutes: z.number().int().min(1).max(1440),
});

const settingsShape = {
  routing: z.array(routingOverrideSchema).max(50),
  /** null: the municipality does not offer the conversation (no deadline is set). */
  firstOffenceConversationHours: z.number().int().min(1).max(168).nullable(),
  releaseNoticeLeadMonths: z.number().int().min(1).max(12),
  /** null: no target; a target is shown as a target, never as a legal breach. */
  adultInvestigationTargetDays: z.number().int().min(1).max(365).nullable(),
  hotline: hotlineSettingsSchema,
  suppressionThreshold: z
    .number()
    .int()
    .min(NATIONAL_SUPPRESSION_THRESHOLD, {
      message: `must be at least ${NATIONAL_SUPPRESSION_THRESHOLD}: never below the national threshold`,
    })
    .max(100),
};

/** The settings in force: every field present (defaults filled in). */
export const settingsSchema = z.strictObject(settingsShape);
export type Settings = z.infer<typeof settingsSchema>;

/** What a municipality chose: any of the fields; the rest keep their defaults. */
export const chosenSettingsSchema = z.strictObject(settingsShape).partial();
export type ChosenSettings = z.infer<typeof chosenSettingsSchema>;

/** One change as kept: from `effectiveFrom` on, these choices replace whatever was in force or scheduled. */
export const settingsChangeSchema = z.object({
  municipality: z.string().regex(/^\d{4}$/),
  effectiveFrom: isoDate,
  settings: chosenSettingsSchema,
  changedBy: z.string(),
  changedAt: z.iso.datetime({ offset: true }),
});
export type SettingsChange = z.infer<typeof settingsChangeSchema>;
