/** What a municipality submits for a month: the body the PUT documents and the one it reads. */
import * as z from "zod/mini";

export const SOURCE_MAX_LENGTH = 100;
export const NOTE_MAX_LENGTH = 1000;

/** What a submission says about itself, in a JSON body or in a CSV's `source` and `note` rows. */
export const submissionMetaSchema = z.object({
  source: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "must name the case system or method"),
      z.maxLength(SOURCE_MAX_LENGTH),
      z.describe("The case system or method the figures come from, e.g. Treserva"),
    ),
  note: z
    .optional(z.string().check(z.maxLength(NOTE_MAX_LENGTH)))
    .check(z.describe("About the figures (how they were counted); never about a person")),
});

export const submissionBodySchema = z.strictObject({
  metrics: z
    .record(z.string(), z.number())
    .check(
      z.describe(
        "Metric id (see /v1/reports/pilot/metrics) → value: counts are whole numbers ≥ 0, medians numbers ≥ 0 with the count they are over beside them; a breakdown never exceeds its total",
      ),
    ),
  ...submissionMetaSchema.shape,
});

/**
 * What the handler parses a JSON body with: the values of `metrics` are checked by the domain's
 * rules, so that an error names each bad entry and never echoes a key that is not a metric id.
 */
export const submissionBodyInputSchema = z.strictObject({
  metrics: z.record(z.string(), z.unknown()),
  ...submissionMetaSchema.shape,
});
