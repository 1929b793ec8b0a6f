import type { RouteThrottle } from "../../../shared/service";

/**
 * Per-route throttles, sized for the traffic each route has (API Gateway answers 429 above them).
 * A call makes one `incoming`, a `next` per person rung (at most four) and one `hangup` within a
 * few minutes, and the whole country's avhoppartelefon takes tens of calls a day: the webhook
 * limits are hundreds of times the busiest hour and still small enough that the webhooks' reserved
 * concurrency (service.ts) covers every request the gateway lets through. Staff are a few per
 * municipality; a schedule is saved by hand.
 */
export const THROTTLE = {
  incoming: { rateLimit: 5, burstLimit: 10 },
  next: { rateLimit: 10, burstLimit: 20 },
  hangup: { rateLimit: 5, burstLimit: 10 },
  staffRead: { rateLimit: 10, burstLimit: 20 },
  staffWrite: { rateLimit: 5, burstLimit: 10 },
  scheduleRead: { rateLimit: 5, burstLimit: 10 },
  scheduleWrite: { rateLimit: 1, burstLimit: 5 },
} as const satisfies Record<string, RouteThrottle>;
