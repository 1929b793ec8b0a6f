/** A municipality's submission for a month, as shown back, and its path. */
import * as z from "zod/mini";
import { kommunkodSchema, monthSchema } from "./contract-fields";

export const submissionParamsSchema = z.object({ municipality: kommunkodSchema, month: monthSchema });

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

export const submissionHistorySchema = z.object({
  municipality: z.string(),
  month: monthSchema,
  items: z
    .array(submissionSchema)
    .check(z.describe("Every version, oldest first; the last is the current one")),
});
