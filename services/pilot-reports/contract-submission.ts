/** A municipality's submission for a month: its path, and as it is shown back (built on first use). */
import * as z from "zod/mini";
import { kommunkodSchema, monthSchema } from "./contract-fields";

export const submissionParamsSchema = z.object({ municipality: kommunkodSchema, month: monthSchema });

/**
 * A submission as shown back, alone, listed or in its history: built on first use, since only the
 * OpenAPI document and tests read these (the edge validates requests, not answers); the routes name
 * them in a getter of their responses, so a function never builds them.
 */
const buildSubmissionSchemas = () => {
  const submissionSchema = z.object({
    municipality: z.string(),
    month: monthSchema,
    version: z.number().check(z.int(), z.positive()),
    metrics: z.record(z.string(), z.number()),
    source: z.string(),
    note: z.optional(z.string()),
    submittedBy: z.string().check(z.describe("The submitting token's subject")),
    submittedAt: z.iso.datetime({ offset: true }),
  });

  const submissionHistorySchema = z.object({
    municipality: z.string(),
    month: monthSchema,
    items: z
      .array(submissionSchema)
      .check(z.describe("Every version, oldest first; the last is the current one")),
  });
  const submissionListSchema = z.object({ items: z.array(submissionSchema) });
  return { submissionSchema, submissionHistorySchema, submissionListSchema };
};

let built: ReturnType<typeof buildSubmissionSchemas> | undefined;
export const submissionSchemas = () => (built ??= buildSubmissionSchemas());

export type SubmissionView = z.infer<ReturnType<typeof submissionSchemas>["submissionSchema"]>;
