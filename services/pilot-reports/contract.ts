import { z } from "zod";
import { isKommunkod, PILOT_MUNICIPALITIES } from "../../shared/municipalities";
import { monthSpan } from "./domain/months";

export const SCOPES = {
  /** Socialstyrelsen (no municipality claim) reads any municipality; municipal staff their own. */
  read: "reports:read",
} as const;

/** The longest period one request may cover. */
export const MAX_MONTHS = 36;
/** A comma list longer than this is refused, so one request's cost stays bounded. */
export const MAX_MUNICIPALITIES = 50;
export const PILOT = "pilot";

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month, YYYY-MM");

/** `pilot`, a kommunkod, or a comma list of both; duplicates collapse, order is kept. */
export const municipalitySelectionSchema = z.string().transform((raw, ctx): string[] => {
  const codes: string[] = [];
  for (const part of raw.split(",").map((p) => p.trim())) {
    if (part === PILOT) codes.push(...PILOT_MUNICIPALITIES);
    else if (isKommunkod(part)) codes.push(part);
    else {
      // The code is not echoed: the caller knows what it sent, and a log of problems stays clean.
      ctx.addIssue({
        code: "custom",
        message: "must be kommunkoder of Swedish municipalities, comma-separated, or pilot",
      });
      return z.NEVER;
    }
  }
  const unique = [...new Set(codes)];
  if (unique.length > MAX_MUNICIPALITIES) {
    ctx.addIssue({ code: "custom", message: `must name at most ${MAX_MUNICIPALITIES} municipalities` });
    return z.NEVER;
  }
  return unique;
});

export const reportQuerySchema = z
  .object({
    municipality: municipalitySelectionSchema,
    from: monthSchema,
    to: monthSchema,
    format: z.enum(["json", "csv"]).optional(),
  })
  .superRefine((query, ctx) => {
    // Zod runs this even when a month failed its format; that failure is already reported.
    if (!monthSchema.safeParse(query.from).success || !monthSchema.safeParse(query.to).success) return;
    const span = monthSpan(query.from, query.to);
    if (span < 1) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    else if (span > MAX_MONTHS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `must be at most ${MAX_MONTHS} months from from`,
      });
    }
  });
export type ReportQuery = z.output<typeof reportQuerySchema>;

export const metricCellSchema = z.object({
  /** null when suppressed, and for a median over no values. */
  value: z.number().nullable(),
  suppressed: z.boolean(),
});

export const reportSchema = z.object({
  generatedAt: z.iso.datetime({ offset: true }),
  suppressionThreshold: z.number().int().positive(),
  period: z.object({ from: monthSchema, to: monthSchema }),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      months: z.array(z.object({ month: monthSchema, metrics: z.record(z.string(), metricCellSchema) })),
    }),
  ),
});
export type Report = z.infer<typeof reportSchema>;

export const metricsCatalogueSchema = z.object({
  suppressionThreshold: z.number().int().positive(),
  metrics: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["count", "median"]),
      title: z.object({ sv: z.string(), en: z.string() }),
      definition: z.string(),
      event: z.string(),
      monthOf: z.string(),
      unit: z.enum(["count", "days", "hours"]),
      breakdownOf: z.string().optional(),
    }),
  ),
  relations: z.array(z.object({ id: z.string(), total: z.string(), parts: z.array(z.string()) })),
  eventsNotCounted: z.record(z.string(), z.string()),
});
export type MetricsCatalogue = z.infer<typeof metricsCatalogueSchema>;

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
