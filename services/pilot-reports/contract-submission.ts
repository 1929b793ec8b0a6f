/** A municipality's submission for a month: its path, and as it is shown back (built on first use). */
import * as z from "zod/mini";
import { kommunkodSchema, monthSchema } from "./contract-fields";

export const submissionParamsSchema = z.object({ municipality: kommunkodSchema, month: monthSchema });

/**
 * A submission as shown back, alone, listed or in its history: built on first use (z.lazy), since
 * only the OpenAPI document and tests read these (the edge validates requests, not answers), so a
 * function never builds them.
 */
export const submissionSchema = z.lazy(() =>
  z.object({
    municipality: z.string(),
    month: monthSchema,
    version: z.number().check(z.int(), z.positive()),
    metrics: z.record(z.string(), z.number()),
    source: z.string(),
    note: z.optional(z.string()),
    submittedBy: z.string().check(z.describe("The submitting token's subject")),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
);

export const submissionHistorySchema = z.lazy(() =>
  z.object({
    municipality: z.string(),
    month: monthSchema,
    items: z
      .array(submissionSchema)
      .check(z.describe("Every version, oldest first; the last is the current one")),
  }),
);
export const submissionListSchema = z.lazy(() => z.object({ items: z.array(submissionSchema) }));

export type SubmissionView = z.infer<typeof submissionSchema>;
