/** A unit's caseworkers (PUT and GET /v1/units/{unit}/caseworkers…) and their caseloads. */
import * as z from "zod/mini";
import { UNITS } from "../../shared/events/catalogue/intake-lists";
import { caseworkerIdSchema } from "./contract-ids";

/**
 * The unit enum from the zod-free list, not the catalogue's `unitSchema`: importing the catalogue
 * would build intake's event schemas too, which these routes never emit.
 */
const unitSchema = z.enum(UNITS);

export const unitParamsSchema = z.object({ unit: unitSchema });
export const caseworkerParamsSchema = z.object({ unit: unitSchema, caseworkerId: caseworkerIdSchema });
export const putCaseworkerBodySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  capacity: z.number().check(z.int(), z.minimum(0), z.maximum(200)),
});

/** Built on first use (z.lazy): the answers document the routes; no function checks its own. */
export const caseworkerViewSchema = z.lazy(() =>
  z.object({
    caseworkerId: caseworkerIdSchema,
    unit: unitSchema,
    name: z.string(),
    capacity: z.number().check(z.int()),
    /** Open referrals assigned (a referral linked to another counts once, with it). */
    caseload: z.number().check(z.int()),
  }),
);
export const caseworkerListSchema = z.lazy(() => z.object({ items: z.array(caseworkerViewSchema) }));
