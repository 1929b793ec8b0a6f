/** GET /v1/referrals/{id}: one referral for the municipality's staff, the person and the notes too. */
import * as z from "zod/mini";
import {
  CLOSE_REASONS,
  REFERRAL_KINDS,
  referralDeadlineTypeSchema,
  reporterRoleSchema,
} from "../../shared/events/catalogue/intake";
import { referralIdSchema } from "./contract-ids";
import { referralViewObject } from "./contract-view";

const buildReferralDetail = () => {
  const isoDateTime = z.iso.datetime({ offset: true });
  const recorded = z.object({ at: isoDateTime, by: z.string() });

  const optionalText = z.optional(z.string());
  const contactView = z.object({ phone: optionalText, email: optionalText });
  const describedView = z.object({
    name: z.string(),
    birthDate: optionalText,
    approximateAge: z.optional(z.number()),
  });

  return z.extend(referralViewObject(), {
    subject: z.union([z.object({ personalIdentityNumber: z.string() }), describedView]),
    /** What the report said of a person identified later. */
    reportedAs: z.optional(describedView),
    firstOffence: z.boolean(),
    reporter: z.optional(
      z.object({
        role: reporterRoleSchema,
        /** A professional with a duty to report (SoL 14 kap. 1 §), by role. */
        dutyToReport: z.boolean(),
        name: optionalText,
        contact: z.optional(contactView),
      }),
    ),
    guardians: z.optional(z.array(z.object({ name: z.string(), contact: z.optional(contactView) }))),
    summary: optionalText,
    backdatedReason: optionalText,
    suspectedViolence: z.optional(recorded),
    /** The referrals linked to this one (later reports about the person in this unit). */
    linkedReferrals: z.optional(
      z.array(z.object({ id: referralIdSchema, kind: z.enum(REFERRAL_KINDS), receivedAt: isoDateTime })),
    ),
    extensions: z.optional(
      z.array(
        z.extend(recorded, {
          type: referralDeadlineTypeSchema,
          previousDueAt: isoDateTime,
          dueAt: isoDateTime,
          reason: z.string(),
        }),
      ),
    ),
    protectionAssessment: z.optional(
      z.extend(recorded, { immediateProtectionNeeded: z.boolean(), note: optionalText }),
    ),
    decision: z.optional(z.extend(recorded, { openInvestigation: z.boolean(), reason: z.string() })),
    firstOffenceConversation: z.optional(z.extend(recorded, { note: optionalText })),
    closure: z.optional(z.extend(recorded, { reason: z.enum(CLOSE_REASONS), note: optionalText })),
  });
};
/**
 * One referral for the municipality's staff: the person and the notes too. Every such read is
 * audited. Built on first use, as the view it extends (contract-view.ts): no function checks its answer.
 */
export const referralDetailSchema = z.lazy(buildReferralDetail);
export type ReferralDetail = z.infer<typeof referralDetailSchema>;
