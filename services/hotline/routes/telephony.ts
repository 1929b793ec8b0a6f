import type { HttpRoute } from "../../../shared/service";
import { hangupRoute } from "./hangup";
import { incomingRoute } from "./incoming";
import { nextRoute } from "./next";

/**
 * The telephony webhooks' routes, part of the service's route table (service.ts). Each webhook's
 * handler imports its own route's module (incoming.ts, next.ts, hangup.ts), not this table: a
 * caller hears nothing until the function has loaded.
 */
export const telephonyRoutes = {
  incoming: incomingRoute,
  next: nextRoute,
  hangup: hangupRoute,
} as const satisfies Record<string, HttpRoute>;
