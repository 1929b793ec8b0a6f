import type { EventContract } from "../envelope";
import { deadlineBreached } from "./deadlines";
import {
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
  releasePlanReminder,
} from "./release-notices";

export * from "./deadlines";
export * from "./release-notices";

/** Every event type and version in the system. Consumers parse against this list. */
export const CATALOGUE = [
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReminder,
  releasePlanReady,
  deadlineBreached,
] as const satisfies readonly EventContract[];

export type CatalogueEntry = (typeof CATALOGUE)[number];
export type EventType = CatalogueEntry["type"];
