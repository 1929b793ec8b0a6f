/** POST /v1/referrals/{id}/interventions (routes/interventions.ts: one module per route). */
import * as z from "zod/mini";
import { interventionTypeSchema } from "../../../../shared/events/catalogue/interventions";
import { isoDateSchema } from "../../../../shared/events/envelope";
import type { HttpRoute } from "../../../../shared/service";
import { note } from "../../contract-fields";
import { referralParamsSchema } from "../../contract-ids";
import { interventionViewSchema } from "../../contract-interventions";
import { problems, staffManage, tags } from "../common";

/** A Swedish calendar date: a decision, a start and an end are dated, not timed. */
const date = isoDateSchema;

export const postInterventionBodySchema = z
  .strictObject({
    type: interventionTypeSchema,
    decidedAt: date,
    startedAt: z.optional(date),
    /** What an `other` intervention is; sealed, since free text may name a person. */
    description: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    note: z.optional(note),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.type === "other" && b.description === undefined)
        ctx.addIssue({ code: "custom", path: ["description"], message: "is required when type is other" });
      if (b.type !== "other" && b.description !== undefined)
        ctx.addIssue({ code: "custom", path: ["description"], message: "applies to type other only" });
    }),
  );
export type PostInterventionBody = z.infer<typeof postInterventionBodySchema>;

export const decideInterventionRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/interventions",
  auth: staffManage,
  summary: "Record an intervention decided for the referral's person (SIG, FFT, SIP with BUP, …)",
  description:
    "`type` from the catalogue (shared/interventions); `other` needs a `description`. Dates are Swedish calendar dates: `decidedAt` not before the referral was received, `startedAt` not before it, neither in the future (422). The note and description are sealed; the step is audited and emits `intervention.decided` (and `intervention.started` with a start).",
  tags,
  request: { params: referralParamsSchema, body: postInterventionBodySchema },
  responses: {
    201: { description: "Recorded", schema: interventionViewSchema },
    ...problems(400, 401, 403, 404, 409, 422),
  },
} as const satisfies HttpRoute;
