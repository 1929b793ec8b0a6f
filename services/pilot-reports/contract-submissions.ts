/** The list of submissions: its query and its page. */
import * as z from "zod/mini";
import { monthSchema } from "./contract-fields";
import { checkPeriod, municipalitySelectionSchema } from "./contract-period";
import { submissionSchema } from "./contract-submission";

export const submissionListQuerySchema = z
  .object({ municipality: municipalitySelectionSchema, from: monthSchema, to: monthSchema })
  .check(z.superRefine(checkPeriod));
export type SubmissionListQuery = z.output<typeof submissionListQuerySchema>;

export const submissionListSchema = z.object({ items: z.array(submissionSchema) });
