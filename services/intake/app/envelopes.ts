import { type EnvelopeContext, toEnvelopes as wrap } from "../../../shared/app/envelopes";
import type { EventDraft } from "../../../shared/events/draft";

/** The domain's event drafts in envelopes, intake as their source. */
export const toEnvelopes = (drafts: readonly EventDraft[], on: EnvelopeContext) => wrap("intake", drafts, on);
