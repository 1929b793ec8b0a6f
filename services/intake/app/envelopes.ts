import type { Envelope } from "../../../shared/events/envelope";
import { newEvent } from "../../../shared/events/outbox";
import type { EventDraft } from "../domain/referral";

/**
 * The domain's event drafts in envelopes: an id each, intake as the source, the municipality, the
 * correlation id and the instant the decision was made. The data is checked against its contract.
 */
export const toEnvelopes = (
  drafts: readonly EventDraft[],
  on: { readonly municipality: string; readonly correlationId: string; readonly now: Date },
): Envelope[] =>
  drafts.map((d) =>
    newEvent(d.contract, {
      source: "intake",
      municipality: on.municipality,
      correlationId: on.correlationId,
      occurredAt: on.now,
      data: d.data,
    }),
  );
