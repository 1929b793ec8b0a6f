/** The report: its query, and its figures (built on first use). */
import * as z from "zod/mini";
import { monthSchema } from "./contract-fields";
import { checkPeriod, municipalitySelectionSchema } from "./contract-period";

export const reportQuerySchema = z
  .object({
    municipality: municipalitySelectionSchema,
    from: monthSchema,
    to: monthSchema,
    format: z.optional(z.enum(["json", "csv"])),
  })
  .check(z.superRefine(checkPeriod));
export type ReportQuery = z.output<typeof reportQuerySchema>;

export const FIGURE_SOURCES = ["system", "submitted", "none"] as const;

/**
 * The report's schema, built on first use (z.lazy): only the OpenAPI document and tests read it. The
 * function answers with its report without checking it (the edge validates requests, not answers),
 * so the function never builds it.
 */
export const reportSchema = z.lazy(() => {
  const metricCellSchema = z.object({
    /** null when suppressed, when unknown (source none), and for a median over no values. */
    value: z.nullable(z.number()),
    suppressed: z.boolean(),
    source: z
      .enum(FIGURE_SOURCES)
      .check(
        z.describe(
          "system: counted from this system's events; submitted: from the municipality's submission; none: neither covers it, so the value is null, not 0",
        ),
      ),
    sourceName: z
      .optional(z.string())
      .check(z.describe("For a submitted figure: the case system or method named")),
  });

  const rateCellSchema = z.object({
    /** A share from 0 to 1 with three decimals. */
    value: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
    suppressed: z.boolean(),
    source: z
      .enum([...FIGURE_SOURCES, "mixed"])
      .check(
        z.describe("mixed: numerator and denominator come from different sources, so no rate is computed"),
      ),
    sourceName: z.optional(z.string()),
  });

  return z.object({
    generatedAt: z.iso.datetime({ offset: true }),
    suppressionThreshold: z.number().check(z.int(), z.positive()),
    period: z.object({ from: monthSchema, to: monthSchema }),
    municipalities: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        suppressionThreshold: z
          .number()
          .check(
            z.int(),
            z.positive(),
            z.describe(
              "The threshold applied to this municipality's figures: its own setting, never below the national one above",
            ),
          ),
        months: z.array(
          z.object({
            month: monthSchema,
            metrics: z.record(z.string(), metricCellSchema),
            rates: z.record(z.string(), rateCellSchema),
          }),
        ),
      }),
    ),
  });
});

export type Report = z.infer<typeof reportSchema>;
