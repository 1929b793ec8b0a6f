import type { EventContract } from "../envelope";
import { deadlineBreached, deadlineExtended } from "./deadlines";
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageCompleted,
  hotlineTriageOpened,
} from "./hotline";
import { referralAssessed, referralAssigned, referralClosed, referralReceived } from "./intake";
import { interventionDecided, interventionEnded, interventionStarted } from "./interventions";
import {
  releaseNoticeReceived,
  releaseNoticeStatusChanged,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
  releasePlanReminder,
} from "./release-notices";
import { taskOpened } from "./tasks";

export * from "./deadlines";
export * from "./hotline";
export * from "./intake";
export * from "./interventions";
export * from "./release-notices";
export * from "./tasks";

/**
 * Every event type and version in the system. Consumers parse against this list. A new version of
 * a type is added beside the old one, which stays until no consumer reads it (see
 * test/unit/events/compatibility.test.ts).
 */
export const CATALOGUE = [
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReminder,
  releasePlanReady,
  releaseNoticeStatusChanged,
  referralReceived,
  referralAssessed,
  referralAssigned,
  referralClosed,
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageOpened,
  hotlineTriageCompleted,
  deadlineBreached,
  deadlineExtended,
  taskOpened,
  interventionDecided,
  interventionStarted,
  interventionEnded,
] as const satisfies readonly EventContract[];

export type CatalogueEntry = (typeof CATALOGUE)[number];
export type EventType = CatalogueEntry["type"];
