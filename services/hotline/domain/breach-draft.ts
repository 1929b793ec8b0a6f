import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import type { EventDraft } from "./event-drafts";
import type { Triage } from "./triage-state";

/**
 * The 24 hours ran out: one `deadline.breached` per triage, from the sweep or a late completion.
 * Apart from event-drafts.ts, so that the call webhooks, which never breach, do not build the
 * deadline events' contracts as they load.
 */
export const triageBreached = (triage: Triage, now: Date): EventDraft => ({
  contract: deadlineBreached,
  data: {
    service: "hotline",
    subject: { type: "triage", id: triage.id },
    deadline: "triage-24h",
    dueAt: triage.deadline.dueAt,
    breachedAt: now.toISOString(),
  },
});
