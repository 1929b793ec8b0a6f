/** The metrics catalogue: what each figure counts. */
import * as z from "zod/mini";

/**
 * Built on first use (z.lazy): only the OpenAPI document and tests read it; the function answers
 * with the catalogue unchecked (the edge validates requests, not answers), so it never builds it.
 */
export const metricsCatalogueSchema = z.lazy(() =>
  z.object({
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
  }),
);

export type MetricsCatalogue = z.infer<typeof metricsCatalogueSchema>;
