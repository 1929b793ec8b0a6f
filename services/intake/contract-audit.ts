/** GET /v1/audit: who read or changed a referral or a task, for whoever holds `audit:read`. */
import * as z from "zod/mini";
import { auditQueryFields, exactlyOneOf, PERIOD_ORDER_ISSUE, periodInOrder } from "../../shared/audit-read";
import { entityIdSchema } from "../../shared/events/envelope";
import { referralIdSchema } from "./contract-ids";

/**
 * A referral's or a task's trail, by the person acting and the period (shared/audit-read.ts) if
 * asked; a national token names the municipality, as on the other services' audit routes.
 */
export const auditQuerySchema = z
  .object({
    referral: z.optional(referralIdSchema).check(z.meta({ description: "A referral's id: its trail" })),
    task: z
      .optional(entityIdSchema)
      .check(z.meta({ description: "A task's id: its trail (who marked it done)" })),
    ...auditQueryFields("Whose record"),
  })
  .check(exactlyOneOf("referral", "task"), z.refine(periodInOrder, PERIOD_ORDER_ISSUE));
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Built on first use (z.lazy): the answer documents the route; the function never checks it. */
export const auditEntrySchema = z.lazy(() =>
  z.object({
    at: z.iso.datetime({ offset: true }),
    actor: z.string(),
    action: z.string(),
    correlationId: z.string(),
  }),
);
export const auditListSchema = z.lazy(() =>
  z.object({ items: z.array(auditEntrySchema), cursor: z.optional(z.string()) }),
);
