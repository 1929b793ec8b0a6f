/** The list of submissions: its query (its page: contract-submission.ts). */
import * as z from "zod/mini";
import { monthSchema } from "./contract-fields";
import { checkPeriod, municipalitySelectionSchema } from "./contract-period";

export const submissionListQuerySchema = z
  .object({ municipality: municipalitySelectionSchema, from: monthSchema, to: monthSchema })
  .check(z.superRefine(checkPeriod));
export type SubmissionListQuery = z.output<typeof submissionListQuerySchema>;
