/** GET /v1/referrals: the worklist's filters and a page of referrals. */
import * as z from "zod/mini";
import { REFERRAL_KINDS, unitSchema } from "../../shared/events/catalogue/intake";
import { caseworkerIdSchema } from "./contract-ids";
import { referralStatusSchema, referralViewSchema } from "./contract-view";

const booleanQuery = z.pipe(
  z.enum(["true", "false"]),
  z.transform((v) => v === "true"),
);

export const listQuerySchema = z.object({
  unit: z.optional(unitSchema),
  kind: z.optional(z.enum(REFERRAL_KINDS)),
  status: z.optional(referralStatusSchema),
  overdue: z.optional(booleanQuery),
  /** "Mine": the referrals assigned to this caseworker. */
  assignee: z.optional(caseworkerIdSchema),
  /**
   * `due`: active referrals only, the earliest step still to do first (the worklist); the default
   * for `overdue=true` and `assignee`. `received`: every referral, newest first; the default otherwise.
   */
  sort: z.optional(z.enum(["due", "received"])),
  /** A page's size, coerced from the query string. */
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});

/** A page of referrals; built on first use, as the view (contract-view.ts): no function checks its answer. */
export const referralListSchema = z.lazy(() =>
  z.object({ items: z.array(referralViewSchema), cursor: z.optional(z.string()) }),
);
