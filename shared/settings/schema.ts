/**
 * What a municipality may set for itself, as zod schemas: the body of a PUT (every field optional:
 * what is left out keeps its default, `defaults.ts`), the settings in force (every field present),
 * and one entry of the history as stored. Pure: imported by intake (which edits them) and by every
 * service that applies a rule (each through its own store).
 *
 * Built on the first call of `settingsSchemas()`, not as the module loads: they are some 100 zod
 * schemas, and every function's bundle loads this module (test/bench/zod-count.ts counts them), while
 * only a function that reads or edits settings uses them.
 */
import * as z from "zod/mini";
import { REFERRAL_KINDS, UNITS } from "../events/catalogue/intake-lists";
import { builtOnFirstUse } from "../lazy";
import { isValidIsoDate } from "../time";

/** The national floor for disclosure control: no municipality may show smaller counts than this. */
export const NATIONAL_SUPPRESSION_THRESHOLD = 5;

const buildSettingsSchemas = () => {
  const isoDate = z
    .string()
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)"),
      z.refine(isValidIsoDate, "must be a date (YYYY-MM-DD)"),
    );
  /** A whole number within [min, max]: every setting that counts something. */
  const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

  /**
   * One override of the routing table: referrals of these kinds and ages go to `unit`. Overrides are
   * tried before the national table, first match wins. A child (under 18) always goes to Mottag barn
   * (issue 11: "a child who calls is a child"), so an override for another unit must start at 18.
   */
  const routingOverrideSchema = z
    .strictObject({
      unit: z.enum(UNITS),
      kinds: z.optional(z.array(z.enum(REFERRAL_KINDS)).check(z.minLength(1))),
      minAge: z.optional(whole(0, 130)),
      maxAge: z.optional(whole(0, 130)),
    })
    .check(
      z.superRefine((rule, ctx) => {
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
      }),
    );

  const hotlineSettingsSchema = z.strictObject({
    /** An answered call's triage not acknowledged this long after it opened goes to the manager. */
    acknowledgeMinutes: whole(1, 1440),
    /** An unanswered call waiting for a callback goes to the manager this long after it opened. */
    escalateMinutes: whole(1, 1440),
  });

  const settingsShape = {
    routing: z.array(routingOverrideSchema).check(z.maxLength(50)),
    /** null: the municipality does not offer the conversation (no deadline is set). */
    firstOffenceConversationHours: z.nullable(whole(1, 168)),
    releaseNoticeLeadMonths: whole(1, 12),
    /** null: no target; a target is shown as a target, never as a legal breach. */
    adultInvestigationTargetDays: z.nullable(whole(1, 365)),
    hotline: hotlineSettingsSchema,
    suppressionThreshold: z.int().check(
      z.minimum(NATIONAL_SUPPRESSION_THRESHOLD, {
        message: `must be at least ${NATIONAL_SUPPRESSION_THRESHOLD}: never below the national threshold`,
      }),
      z.maximum(100),
    ),
  };

  /** The settings in force: every field present (defaults filled in). */
  const settingsSchema = z.strictObject(settingsShape);

  /** What a municipality chose: any of the fields; the rest keep their defaults. */
  const chosenSettingsSchema = z.partial(z.strictObject(settingsShape));

  /** One change as kept: from `effectiveFrom` on, these choices replace whatever was in force or scheduled. */
  const settingsChangeSchema = z.object({
    municipality: z.string().check(z.regex(/^\d{4}$/)),
    effectiveFrom: isoDate,
    settings: chosenSettingsSchema,
    changedBy: z.string(),
    changedAt: z.iso.datetime({ offset: true }),
  });

  return {
    isoDate,
    routingOverride: routingOverrideSchema,
    hotline: hotlineSettingsSchema,
    settings: settingsSchema,
    chosen: chosenSettingsSchema,
    change: settingsChangeSchema,
  };
};

/** The settings' schemas, built once, on the first call. */
export const settingsSchemas = builtOnFirstUse(buildSettingsSchemas);
type Schemas = ReturnType<typeof settingsSchemas>;

export type RoutingOverride = z.infer<Schemas["routingOverride"]>;
/** The settings in force: every field present (defaults filled in). */
export type Settings = z.infer<Schemas["settings"]>;
/** What a municipality chose: any of the fields; the rest keep their defaults. */
export type ChosenSettings = z.infer<Schemas["chosen"]>;
/** One change as kept. */
export type SettingsChange = z.infer<Schemas["change"]>;
