/**
 * POST /v1/referrals: a report as it really arrives. The person with or without an identity
 * number, several children in one report, the reporter and the guardians, a report dated back.
 * Everything personal here is stored sealed and shown to the municipality's staff only.
 */
import * as z from "zod/mini";
import { reporterRoleSchema } from "../../shared/events/catalogue/intake";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { containsIdentityNumber, IDENTITY_IN_ID_MESSAGE } from "../../shared/identity/in-text";
import { note } from "./contract-fields";
import { identityNumberInputSchema } from "./contract-identity";

/** The kinds a person or organisation may post; `release` and `hotline` come only from events. */
export const EXTERNAL_KINDS = ["concern", "application", "self-referral", "police"] as const;

const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** How to reach someone: personal data, sealed. */
const contactSchema = z.strictObject({
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{5,24}$/, "must be a phone number"))),
  email: z.optional(z.email().check(z.maxLength(254))),
});

/**
 * One person: `{ personalIdentityNumber }`, or, when the reporter does not know it,
 * `{ name, birthDate }` or `{ name, approximateAge }` (years). Without a number the referral is
 * routed and given deadlines by the (approximate) age, and staff identify the person later.
 */
export const subjectInputSchema = z
  .strictObject({
    personalIdentityNumber: z.optional(identityNumberInputSchema),
    name: z.optional(personName),
    birthDate: z.optional(z.iso.date()),
    approximateAge: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(120))),
  })
  .check(
    z.superRefine((s, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if (s.personalIdentityNumber !== undefined) {
        for (const key of ["name", "birthDate", "approximateAge"] as const)
          if (s[key] !== undefined) issue(key, "is not given with personalIdentityNumber");
        return;
      }
      if (s.name === undefined) issue("name", "is required without personalIdentityNumber");
      if ((s.birthDate === undefined) === (s.approximateAge === undefined)) {
        issue("birthDate", "give either birthDate or approximateAge without personalIdentityNumber");
      }
    }),
  );
export type SubjectInputBody = z.infer<typeof subjectInputSchema>;

export const MAX_SUBJECTS = 10;

export const createReferralBodySchema = z
  .strictObject({
    kind: z.enum(EXTERNAL_KINDS),
    municipality: kommunkodSchema,
    /** One person; or `subjects` for several children in one report (siblings), never both. */
    subject: z.optional(subjectInputSchema),
    subjects: z.optional(z.array(subjectInputSchema).check(z.minLength(1), z.maxLength(MAX_SUBJECTS))),
    /** Default now. In the past (a report on paper or by phone) at most 30 days, with `backdatedReason`. */
    receivedAt: z.optional(z.iso.datetime({ offset: true })),
    backdatedReason: z.optional(note.check(z.minLength(1), z.maxLength(1000))),
    firstOffence: z.optional(z.boolean()),
    /** The reporter says the child may have been subjected to violence by someone close. */
    suspectedViolenceByCloseRelative: z.optional(z.boolean()),
    /** A professional's duty to report is noted by the role; the name and contact are optional. */
    reporter: z.strictObject({
      role: reporterRoleSchema,
      name: z.optional(personName),
      contact: z.optional(contactSchema),
    }),
    guardians: z.optional(
      z.array(z.strictObject({ name: personName, contact: z.optional(contactSchema) })).check(z.maxLength(4)),
    ),
    /** Free text: personal data, stored sealed, shown only to the municipality's staff. */
    summary: z.optional(note),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.firstOffence !== undefined && b.kind !== "police") {
        ctx.addIssue({ code: "custom", path: ["firstOffence"], message: "applies to police referrals only" });
      }
      if ((b.subject === undefined) === (b.subjects === undefined)) {
        ctx.addIssue({ code: "custom", path: ["subject"], message: "give either subject or subjects" });
      }
    }),
  );
export type CreateReferralBody = z.infer<typeof createReferralBodySchema>;

/**
 * What a write-only caller (a school's or the Police's e-service) learns: that it was received.
 * The answers' schemas document the route and check answers in tests; the function never checks
 * its own answer, so they are built on first use (z.lazy), not as it loads.
 */
export const receiptSchema = z.lazy(() =>
  z.object({ id: entityIdSchema, receivedAt: z.iso.datetime({ offset: true }) }),
);

/** A report about several children: one referral each, one group. */
export const groupReceiptSchema = z.lazy(() =>
  z.object({ groupId: entityIdSchema, items: z.array(receiptSchema) }),
);

/** Printable ASCII, as the IETF draft's examples; hashed before it is stored, so it may hold anything. */
export const idempotencyKeySchema = z.string().check(
  z.regex(/^[\x21-\x7e]{1,128}$/, "must be 1-128 printable characters"),
  // Hashed before it is stored, but a key is also what a client logs and retries with.
  z.refine((key) => !containsIdentityNumber(key), IDENTITY_IN_ID_MESSAGE),
);
