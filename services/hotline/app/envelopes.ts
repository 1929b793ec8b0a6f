import { type EnvelopeContext, toEnvelopes as wrap } from "../../../shared/app/envelopes";
import type { EventDraft } from "../domain/event-drafts";

/** The events a decision drafted, each in its envelope (a fresh id), the hotline as their source. */
export const toEnvelopes = (drafts: readonly EventDraft[], on: EnvelopeContext) =>
  wrap("hotline", drafts, on);
