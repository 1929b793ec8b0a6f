import * as z from "zod/mini";
import { isKommunkod, PILOT_MUNICIPALITIES } from "../../shared/municipalities";
import { monthSpan } from "./domain/months";

export const SCOPES = {
  /** Socialstyrelsen (no municipality claim) reads any municipality; municipal staff their own. */
  read: "reports:read",
  /** A municipality's own figures from its own case system: for that municipality only. */
  submit: "reports:submit",
} as const;

/** The longest period one request may cover. */
export const MAX_MONTHS = 36;
/** A comma list longer than this is refused, so one request's cost stays bounded. */
export const MAX_MUNICIPALITIES = 50;
export const PILOT = "pilot";

export const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month, YYYY-MM"));

/** `pilot`, a kommunkod, or a comma list of both; duplicates collapse, order is kept. */
const SELECTION_RULE = "must be kommunkoder of Swedish municipalities, comma-separated, or pilot";
/** The form, for the document (and a first check); that each code names a municipality is checked below. */
const SELECTION_FORM = /^\s*(pilot|\d{4})\s*(,\s*(pilot|\d{4})\s*)*$/;
/** zod/mini's transform has no `addIssue`: the issue goes on the payload as classic zod's would. */
const refuse = (ctx: z.core.ParsePayload, message: string): never => {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  return z.NEVER;
};
export const municipalitySelectionSchema = z.pipe(
  z.string().check(z.regex(SELECTION_FORM, SELECTION_RULE)),
  z.transform((raw: string, ctx): string[] => {
    const codes: string[] = [];
    for (const part of raw.split(",").map((p) => p.trim())) {
      if (part === PILOT) codes.push(...PILOT_MUNICIPALITIES);
      else if (isKommunkod(part)) codes.push(part);
      else {
        // The code is not echoed: the caller knows what it sent, and a log of problems stays clean.
        return refuse(ctx, SELECTION_RULE);
      }
    }
    const unique = [...new Set(codes)];
    if (unique.length > MAX_MUNICIPALITIES) {
      return refuse(ctx, `must name at most ${MAX_MUNICIPALITIES} municipalities`);
    }
    return unique;
  }),
);

type Period = { readonly from: string; readonly to: string };

/** A period of at most MAX_MONTHS months, `from` not after `to`. */
const checkPeriod = (query: Period, ctx: z.core.$RefinementCtx<Period>): void => {
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
};

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

export const metricCellSchema = z.object({
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

export const rateCellSchema = z.object({
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

export const reportSchema = z.object({
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
export type Report = z.infer<typeof reportSchema>;

export const metricsCatalogueSchema = z.object({
  suppressionThreshold: z.number().check(z.int(), z.positive()),
  metrics: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["count", "median"]),
      title: z.object({ sv: z.string(), en: z.string() }),
      definition: z.string(),
      event: z.string(),
      monthOf: z.string(),
      unit: z.enum(["count", "days", "hours"]),
      breakdownOf: z.optional(z.string()),
      over: z.optional(z.string()),
    }),
  ),
  rates: z.array(
    z.object({
      id: z.string(),
      title: z.object({ sv: z.string(), en: z.string() }),
      numerator: z.string(),
      denominator: z.string(),
    }),
  ),
  relations: z.array(z.object({ id: z.string(), total: z.string(), parts: z.array(z.string()) })),
  eventsNotCounted: z.record(z.string(), z.string()),
});
export type MetricsCatalogue = z.infer<typeof metricsCatalogueSchema>;

export const CSV_MEDIA_TYPE = "text/csv";
export const CSV_CONTENT_TYPE = `${CSV_MEDIA_TYPE}; charset=utf-8`;

export const kommunkodSchema = z
  .string()
  .check(z.refine(isKommunkod, "must be the kommunkod of a Swedish municipality"));

export const submissionParamsSchema = z.object({ municipality: kommunkodSchema, month: monthSchema });

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

export const submissionSchema = z.object({
  municipality: z.string(),
  month: monthSchema,
  version: z.number().check(z.int(), z.positive()),
  metrics: z.record(z.string(), z.number()),
  source: z.string(),
  note: z.optional(z.string()),
  submittedBy: z.string().check(z.describe("The submitting token's subject")),
  submittedAt: z.iso.datetime({ offset: true }),
});
export type SubmissionView = z.infer<typeof submissionSchema>;

export const submissionListQuerySchema = z
  .object({ municipality: municipalitySelectionSchema, from: monthSchema, to: monthSchema })
  .check(z.superRefine(checkPeriod));
export type SubmissionListQuery = z.output<typeof submissionListQuerySchema>;

export const submissionListSchema = z.object({ items: z.array(submissionSchema) });
export const submissionHistorySchema = z.object({
  municipality: z.string(),
  month: monthSchema,
  items: z
    .array(submissionSchema)
    .check(z.describe("Every version, oldest first; the last is the current one")),
});

export const CSV_BODY_CONTENT_TYPE = "text/csv";
