import * as z from "zod/mini";
import { SERVICES } from "../../resources";
import { defineEvent, entityIdSchema, isoDateTimeSchema } from "../envelope";

/** Emitted once per breached deadline by the service that owns it. */
export const deadlineBreached = defineEvent("deadline.breached", 1, () =>
  z.object({
    service: z.enum(SERVICES),
    /** What the deadline belongs to: an id that carries no personal data. */
    subject: z.object({
      type: z.enum(["release-notice", "referral", "triage"]),
      id: entityIdSchema,
    }),
    /** e.g. `release-plan`, `pre-assessment`, `triage-24h`. */
    deadline: z.string().check(z.minLength(1), z.maxLength(64)),
    dueAt: isoDateTimeSchema,
    breachedAt: isoDateTimeSchema,
  }),
);

/**
 * A deadline lawfully extended (a förhandsbedömning for synnerliga skäl, an investigation for
 * särskilda skäl): not a breach. A breach after it counts against the new due time. The reason
 * stays with the service that owns the deadline.
 */
export const deadlineExtended = defineEvent("deadline.extended", 1, () =>
  z.object({
    service: z.enum(SERVICES),
    subject: z.object({ type: z.enum(["referral"]), id: entityIdSchema }),
    /** e.g. `pre-assessment`, `investigation`. */
    deadline: z.string().check(z.minLength(1), z.maxLength(64)),
    /** The due time the extension replaced. */
    previousDueAt: isoDateTimeSchema,
    dueAt: isoDateTimeSchema,
    extendedAt: isoDateTimeSchema,
  }),
);
