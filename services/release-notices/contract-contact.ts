import * as z from "zod/mini";

/**
 * The contact at the institution: posted with the notice (contract-post.ts builds it as it loads)
 * and shown in the staff's full view. Built on first use (z.lazy): on the first post a function
 * checks, or when OpenAPI and the tests read the views, never as a function loads.
 */
const buildContactSchema = () =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    phone: z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{5,19}$/, "must be a phone number")),
    email: z.email().check(z.maxLength(254)),
  });
export const contactSchema = z.lazy(buildContactSchema);
