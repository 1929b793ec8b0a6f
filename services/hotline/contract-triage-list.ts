import * as z from "zod/mini";
import { triageStatusSchema, triageSummarySchema } from "./contract-triage";

/** The triage list's query and page: only the list function builds these (routes/list-triages.ts). */

export const listTriagesQuerySchema = z
  .object({
    status: triageStatusSchema,
    /** `received` (the default): oldest call first. `due`: the soonest due first, for triages still to do. */
    sort: z.optional(z.enum(["received", "due"])),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(512))),
  })
  .check(
    z.refine((q) => !(q.sort === "due" && q.status === "completed"), {
      message: "sort=due lists triages still to do: a completed triage has no due time left",
      path: ["sort"],
    }),
  );

/** Built on first use (z.lazy): OpenAPI reads an answer's schema, the edge never does. */
export const triageListSchema = z.lazy(() =>
  z.object({
    items: z.array(triageSummarySchema),
    cursor: z.optional(z.string()),
  }),
);
