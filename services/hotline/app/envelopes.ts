import type { Envelope } from "../../../shared/events/envelope";
import { newEvent } from "../../../shared/events/outbox";
import type { EventDraft } from "../domain/event-drafts";

/** The service every hotline event names as its source. */
const SOURCE = "hotline" as const;

const envelope = (
  { contract, data }: EventDraft,
  on: { readonly municipality: string; readonly correlationId: string; readonly now: Date },
): Envelope =>
  newEvent(contract, {
    source: SOURCE,
    municipality: on.municipality,
    correlationId: on.correlationId,
    occurredAt: on.now,
    data,
  });

/** The events a decision drafted, each in its envelope (a fresh id), ready for the outbox. */
export const toEnvelopes = (
  drafts: readonly EventDraft[],
  on: { readonly municipality: string; readonly correlationId: string; readonly now: Date },
): Envelope[] => drafts.map((draft) => envelope(draft, on));
