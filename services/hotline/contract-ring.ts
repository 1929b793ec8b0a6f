import * as z from "zod/mini";
import { callTokenSchema } from "./contract-webhook-urls";

/**
 * Which ring of the chain a `next` reports on; put in the URL we hand out, so a retried `next` is
 * recognised. Apart from the hangup's query, so that the hangup's function does not build it.
 */
export const nextQuerySchema = z.object({
  attempt: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10))),
  token: callTokenSchema,
});
