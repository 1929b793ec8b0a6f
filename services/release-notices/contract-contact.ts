import * as z from "zod/mini";

/**
 * The contact at the institution: posted with the notice and shown in the staff's full view, not
 * in a receipt (its own module, so that withdraw and the list do not build it as they load).
 */
export const contactSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  phone: z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{5,19}$/, "must be a phone number")),
  email: z.email().check(z.maxLength(254)),
});
