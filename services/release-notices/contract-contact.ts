import * as z from "zod/mini";

/**
 * The contact at the institution: posted with the notice (contract-post.ts builds it as it loads)
 * and shown in the staff's full view, which is built on first use (contract-views.ts), so the
 * reading functions do not build it as they load.
 */
const buildContactSchema = () =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    phone: z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{5,19}$/, "must be a phone number")),
    email: z.email().check(z.maxLength(254)),
  });
let contact: ReturnType<typeof buildContactSchema> | undefined;
export const contactSchemaOf = () => (contact ??= buildContactSchema());
