import { releaseNoticeStatusChanged } from "../../../shared/events/catalogue/release-notices";
import type { EventOf } from "../../../shared/events/envelope";
import { isEvent, type ParseFailureReason, parseEvent } from "../../../shared/events/parse";

export type StatusChangeEvent = EventOf<typeof releaseNoticeStatusChanged>;

export type StatusChangeRead =
  | { readonly kind: "status-change"; readonly event: StatusChangeEvent }
  /** Another event type of the catalogue: not for a receiver. */
  | { readonly kind: "other" }
  /** Not an envelope, a type or version this code does not know, or its data malformed. */
  | { readonly kind: "unreadable"; readonly reason: ParseFailureReason };

/**
 * Reads a message of the delivery queue as every consumer reads events (shared/events/parse.ts),
 * which builds only the data schema of the type it reads. What this code cannot read is
 * unreadable, not guessed at: the message goes to the dead-letter queue, to be redriven once the
 * code knows it.
 */
export const readStatusChange = (raw: unknown): StatusChangeRead => {
  const parsed = parseEvent(raw);
  if (!parsed.ok) return { kind: "unreadable", reason: parsed.reason };
  return isEvent(parsed.event, releaseNoticeStatusChanged)
    ? { kind: "status-change", event: parsed.event }
    : { kind: "other" };
};
