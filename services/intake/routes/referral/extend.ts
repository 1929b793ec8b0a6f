/** POST /v1/referrals/{id}/deadlines/{type}/extend (routes/referrals.ts: one module per route). */
import * as z from "zod/mini";
import type { HttpRoute } from "../../../../shared/service";
import { note } from "../../contract-fields";
import { referralIdSchema } from "../../contract-ids";
import { EXTENDABLE } from "../../domain/extension";
import { problems, staffManage, tags } from "../common";
import { view } from "./view";

export const extendParamsSchema = z.object({
  id: referralIdSchema,
  type: z.enum(Object.keys(EXTENDABLE) as [keyof typeof EXTENDABLE, ...(keyof typeof EXTENDABLE)[]]),
});
/** The reason is personal data (sealed); `until` is the new last day, due when it ends. */
export const extendBodySchema = z.strictObject({ reason: note.check(z.minLength(1)), until: z.iso.date() });

export const extendRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/deadlines/{type}/extend",
  auth: staffManage,
  summary: "Extend the förhandsbedömning (synnerliga skäl) or a child's investigation (särskilda skäl)",
  description:
    "Before the deadline runs out: it becomes `extended`, due when `until` ends; a breach counts against that. The reason is sealed; the extension is audited and emits `deadline.extended`.",
  tags,
  request: { params: extendParamsSchema, body: extendBodySchema },
  responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409, 422) },
} as const satisfies HttpRoute;
