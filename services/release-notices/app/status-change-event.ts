import * as z from "zod/mini";
import { releaseNoticeStatusChanged } from "../../../shared/events/catalogue/release-notices";
import { type EventOf, envelopeSchema } from "../../../shared/events/envelope";

export type StatusChangeEvent = EventOf<typeof releaseNoticeStatusChanged>;

export type StatusChangeRead =
  | { readonly kind: "status-change"; readonly event: StatusChangeEvent }
  /** Another event type: not for a receiver. */
  | { readonly kind: "other" }
  /** Not an envelope, a version of the status change this code does not know, or its data malformed. */
  | { readonly kind: "unreadable"; readonly reason: "envelope" | "unknown-version" | "data" };

/**
 * Reads a message of the delivery queue. Only `release-notice.status-changed` is routed to it
 * (shared/events/subscriptions.ts), so the envelope and that one contract are read, not the whole
 * catalogue (shared/events/parse.ts), whose other event contracts the function would otherwise
 * build as it loads. A version this code does not know is unreadable, not read as another: the
 * message goes to the dead-letter queue, to be redriven once this code knows it.
 */
export const readStatusChange = (raw: unknown): StatusChangeRead => {
  const envelope = envelopeSchema().safeParse(raw);
  if (!envelope.success) return { kind: "unreadable", reason: "envelope" };
  const { type, version, data } = envelope.data;
  if (type !== releaseNoticeStatusChanged.type) return { kind: "other" };
  if (version !== releaseNoticeStatusChanged.version)
    return { kind: "unreadable", reason: "unknown-version" };
  const parsed = z.safeParse(releaseNoticeStatusChanged.data, data);
  if (!parsed.success) return { kind: "unreadable", reason: "data" };
  return {
    kind: "status-change",
    event: { ...envelope.data, type, version: releaseNoticeStatusChanged.version, data: parsed.data },
  };
};
