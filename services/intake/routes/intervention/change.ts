/** PATCH /v1/referrals/{id}/interventions/{interventionId} (routes/interventions.ts: one module per route). */
import * as z from "zod/mini";
import { interventionOutcomeSchema } from "../../../../shared/events/catalogue/interventions";
import { isoDateSchema } from "../../../../shared/events/envelope";
import type { HttpRoute } from "../../../../shared/service";
import { interventionParamsSchema, interventionViewSchema } from "../../contract-interventions";
import { problems, staffManage, tags } from "../common";

/** A Swedish calendar date: a decision, a start and an end are dated, not timed. */
const date = isoDateSchema;

export const patchInterventionBodySchema = z
  .strictObject({
    startedAt: z.optional(date),
    endedAt: z.optional(date),
    outcome: z.optional(interventionOutcomeSchema),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.endedAt !== undefined && b.outcome === undefined)
        ctx.addIssue({ code: "custom", path: ["outcome"], message: "is required with endedAt" });
      if (b.outcome !== undefined && b.endedAt === undefined)
        ctx.addIssue({ code: "custom", path: ["endedAt"], message: "is required with outcome" });
      if (b.startedAt === undefined && b.endedAt === undefined && b.outcome === undefined)
        ctx.addIssue({ code: "custom", path: [], message: "must give startedAt, or endedAt with outcome" });
    }),
  );
export type PatchInterventionBody = z.infer<typeof patchInterventionBodySchema>;

export const changeInterventionRoute = {
  method: "PATCH",
  path: "/v1/referrals/{id}/interventions/{interventionId}",
  auth: staffManage,
  summary: "Record an intervention's start, or its end with the outcome",
  description:
    "`startedAt` not before the decision; `endedAt` with `outcome` (`completed`, `ended-early`, `declined`, `moved`), not before the start; `completed` and `ended-early` need a start. The same step sent again changes nothing; another date for a recorded step is a conflict (409). Audited; emits `intervention.started` or `intervention.ended`.",
  tags,
  request: { params: interventionParamsSchema, body: patchInterventionBodySchema },
  responses: {
    200: { description: "The intervention", schema: interventionViewSchema },
    ...problems(400, 401, 403, 404, 409, 422),
  },
} as const satisfies HttpRoute;
