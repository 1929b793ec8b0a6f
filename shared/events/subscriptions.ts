import type { ServiceName } from "../resources";
import { CATALOGUE, type EventType } from "./catalogue";

/**
 * Which consuming service's queue receives which event types. Producers fan out by this table,
 * so a new consumer subscribes here and no producer changes.
 */
export const SUBSCRIPTIONS: Readonly<Partial<Record<ServiceName, readonly EventType[] | "all">>> = {
  intake: [
    "release-notice.received",
    "release-notice.updated",
    "release-notice.withdrawn",
    // The plan made ready meets the release referral's deadline.
    "release-plan.ready",
    // A completed triage carries the sealed identity and the financial-assistance outcome.
    "hotline.triage.completed",
  ],
  "pilot-reports": "all",
  // Delivered to the receiver Kriminalvården registered (PUT /v1/release-notices/subscription).
  "release-notices": ["release-notice.status-changed"],
};

export const subscribersOf = (type: string): ServiceName[] =>
  (Object.entries(SUBSCRIPTIONS) as [ServiceName, readonly EventType[] | "all"][])
    .filter(([, types]) => types === "all" || (types as readonly string[]).includes(type))
    .map(([service]) => service);

export const knownEventTypes = (): string[] => [...new Set(CATALOGUE.map((c) => c.type))];
