import type { ServiceName } from "../resources";
import type { EventType } from "./catalogue";
import { type Envelope, SEALED_PATTERN, WITHHELD_SEALED } from "./envelope";

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
    // Each becomes a task for the assigned caseworker or the unit's inbox (services/intake/app/tasks.ts).
    "release-plan.reminder",
    "deadline.breached",
    // Intake's own: the task's e-mail is sent from the queue, so a failed send is retried.
    "task.opened",
  ],
  "pilot-reports": "all",
  // Delivered to the receiver Kriminalvården registered (PUT /v1/release-notices/subscription).
  "release-notices": ["release-notice.status-changed"],
};

export const subscribersOf = (type: string): ServiceName[] =>
  (Object.entries(SUBSCRIPTIONS) as [ServiceName, readonly EventType[] | "all"][])
    .filter(([, types]) => types === "all" || (types as readonly string[]).includes(type))
    .map(([service]) => service);

/**
 * The consumers that open sealed identities (intake links a release notice or a triage to its
 * referral). Every other subscriber receives each sealed value replaced by WITHHELD_SEALED: the
 * event keeps its contract, so the consumer parses it as before, but the identity never reaches a
 * service that has no use and no key for it.
 */
export const OPENS_SEALED: ReadonlySet<ServiceName> = new Set<ServiceName>(["intake"]);

/** Every string of the event's data that is sealed in form, withheld; a plain test, as most are not. */
const withholdSealed = (value: unknown): unknown => {
  if (typeof value === "string") return SEALED_PATTERN.test(value) ? WITHHELD_SEALED : value;
  if (Array.isArray(value)) return value.map(withholdSealed);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withholdSealed(v)]));
  }
  return value;
};

/** The event as `subscriber` receives it: sealed identities only for those that open them. */
export const projectFor = (subscriber: ServiceName, event: Envelope): Envelope =>
  OPENS_SEALED.has(subscriber) ? event : { ...event, data: withholdSealed(event.data) as Envelope["data"] };
