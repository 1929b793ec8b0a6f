/** The staff's list of the municipality's notices: its query (its page: contract-views.ts). */
import * as z from "zod/mini";
import { noticeStatusSchema } from "./contract-notice";

export const listQuerySchema = z.object({
  status: z.optional(noticeStatusSchema),
  releaseFrom: z.optional(z.iso.date()),
  releaseTo: z.optional(z.iso.date()),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type ListQuery = z.output<typeof listQuerySchema>;
