/** The notice as Kriminalvården posts (POST) and restates (PUT) it. */
import * as z from "zod/mini";
import { needSchema, releaseTypeSchema } from "../../shared/events/catalogue/release-notices";
import { kommunkodSchema } from "../../shared/events/envelope";
import { contactSchema } from "./contract-contact";
import { noticeIdSchema } from "./contract-notice-id";

/** Format only; the calendar date and check digit are checked against the clock by the domain. */
export const identityNumberInputSchema = z
  .string()
  .check(z.trim(), z.regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer"));

const noticeFields = {
  municipality: kommunkodSchema,
  person: z.strictObject({ personalIdentityNumber: identityNumberInputSchema }),
  institution: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  expectedReleaseDate: z.iso.date(),
  releaseType: releaseTypeSchema,
  needs: z.array(needSchema).check(
    z.maxLength(6),
    // The document says so too (uniqueItems), where a refinement alone would not show.
    z.meta({ uniqueItems: true }),
    z.refine((needs) => new Set(needs).size === needs.length, "must not repeat a need"),
  ),
  contact: contactSchema,
};

export const createNoticeBodySchema = z.strictObject({ noticeId: noticeIdSchema, ...noticeFields });
export type CreateNoticeBody = z.infer<typeof createNoticeBodySchema>;

/**
 * An update restates the notice: release date, type, needs, institution and contact may change.
 * It may be the notice exactly as posted: a `noticeId` must then be the one in the path.
 */
export const updateNoticeBodySchema = z.strictObject({
  noticeId: z.optional(noticeIdSchema),
  ...noticeFields,
});
export type UpdateNoticeBody = z.infer<typeof updateNoticeBodySchema>;
