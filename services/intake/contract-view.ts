/**
 * The referral as every list and every write answers it. Every referral route's function loads
 * this module; the detail, the list, the audit trail and the report each have their own
 * (contract-*.ts), so that a write step builds none of them.
 */
import * as z from "zod/mini";
import {
  ageGroupSchema,
  REFERRAL_KINDS,
  REFERRAL_SOURCE_TYPES,
  referralDeadlineTypeSchema,
  unitSchema,
} from "../../shared/events/catalogue/intake";
import { clientIdSchema, entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { builtOnFirstUse } from "../../shared/lazy";
import { caseworkerIdSchema, referralIdSchema } from "./contract-ids";
import { INTAKE_DEADLINE_STATES } from "./domain/deadlines/states";
import { REFERRAL_STATUSES } from "./domain/referral";

export { REFERRAL_STATUSES };

export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
/** The referral as every list and every write answers it: nothing personal. */
const buildReferralView = () => {
  const isoDateTime = z.iso.datetime({ offset: true });

  const deadlineViewSchema = z.object({
    type: referralDeadlineTypeSchema,
    dueAt: isoDateTime,
    /** `extended`: lawfully extended and still running; a breach counts against the new `dueAt`. */
    state: z.enum(INTAKE_DEADLINE_STATES),
    /** The due time before the first extension, when it was extended. */
    extendedFrom: z.optional(isoDateTime),
  });

  return z.object({
    id: referralIdSchema,
    municipality: kommunkodSchema,
    kind: z.enum(REFERRAL_KINDS),
    unit: unitSchema,
    ageGroup: ageGroupSchema,
    status: referralStatusSchema,
    receivedAt: isoDateTime,
    assignee: z.optional(caseworkerIdSchema),
    source: z.optional(z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: clientIdSchema })),
    /** The person's open referral in the same unit that this one was linked to. */
    linkedReferralId: z.optional(referralIdSchema),
    /** `unknown` until staff identify the person (the report had no identity number). */
    identity: z.optional(z.enum(["unknown"])),
    /** Shared by the referrals made from one report about several children. */
    groupId: z.optional(entityIdSchema),
    /** Suspected violence against the child by someone close: at the top of the worklist. */
    suspectedViolenceByCloseRelative: z.optional(z.literal(true)),
    deadlines: z.array(deadlineViewSchema),
    /** A municipality's own target (an adult's investigation): a target, never a legal deadline. */
    target: z.optional(
      z.object({
        type: z.literal("investigation"),
        dueAt: isoDateTime,
        state: z.enum(["open", "reached", "passed"]),
      }),
    ),
  });
};
/** The object schema itself, for a schema that extends it (contract-detail.ts). */
export const referralViewObject = builtOnFirstUse(buildReferralView);
/**
 * The answer's schema documents the routes (OpenAPI) and checks answers in tests; no function checks
 * its own answer, so it is built on first use (z.lazy) rather than as each route's function loads.
 */
export const referralViewSchema = z.lazy(referralViewObject);
export type ReferralView = z.infer<typeof referralViewSchema>;
