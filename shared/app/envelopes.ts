import type { EventDraft } from "../events/draft";
import type { Envelope } from "../events/envelope";
import { newEvent } from "../events/outbox";
import type { ServiceName } from "../resources";

export interface EnvelopeContext {
  readonly municipality: string;
  readonly correlationId: string;
  /** The instant the decision was made: every event of one decision carries it. */
  readonly now: Date;
}

/** A decision's event drafts in envelopes, each with a fresh id, ready for the outbox. */
export const toEnvelopes = (
  source: ServiceName,
  drafts: readonly EventDraft[],
  on: EnvelopeContext,
): Envelope[] =>
  drafts.map((d) =>
    newEvent(d.contract, {
      source,
      municipality: on.municipality,
      correlationId: on.correlationId,
      occurredAt: on.now,
      data: d.data,
    }),
  );
