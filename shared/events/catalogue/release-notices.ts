import * as z from "zod/mini";
import {
  defineEvent,
  entityIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  sealedSchema,
  subjectRefSchema,
} from "../envelope";

export const RELEASE_TYPES = ["conditional", "end-of-sentence", "other"] as const;
export const NEEDS = ["housing", "financial", "addiction", "mental-health", "employment", "threat"] as const;
export const releaseTypeSchema = z.enum(RELEASE_TYPES);
export const needSchema = z.enum(NEEDS);

/** What intake and pilot reports need of a notice without calling back. Identity only sealed. */
const noticeFacts = z.object({
  noticeId: entityIdSchema,
  expectedReleaseDate: isoDateSchema,
  releaseType: releaseTypeSchema,
  needs: z.array(needSchema),
  receivedAt: isoDateTimeSchema,
  leadDays: z.int(),
  onTime: z.boolean(),
  planDueDate: isoDateSchema,
  subjectRef: subjectRefSchema,
  subjectSealed: sealedSchema,
});

export const releaseNoticeReceived = defineEvent("release-notice.received", 1, () => noticeFacts);

export const releaseNoticeUpdated = defineEvent("release-notice.updated", 1, () =>
  z.extend(noticeFacts, {
    updatedAt: isoDateTimeSchema,
    previousExpectedReleaseDate: isoDateSchema,
  }),
);

export const releaseNoticeWithdrawn = defineEvent("release-notice.withdrawn", 1, () =>
  z.object({
    noticeId: entityIdSchema,
    withdrawnAt: isoDateTimeSchema,
    subjectRef: subjectRefSchema,
  }),
);

export const releasePlanReminder = defineEvent("release-plan.reminder", 1, () =>
  z.object({
    noticeId: entityIdSchema,
    daysBeforeRelease: z.int().check(z.positive()),
    planDueDate: isoDateSchema,
  }),
);

export const releasePlanReady = defineEvent("release-plan.ready", 1, () =>
  z.object({
    noticeId: entityIdSchema,
    readyAt: isoDateTimeSchema,
    planDueDate: isoDateSchema,
    /** Ready on or before the release date, in Europe/Stockholm. */
    byReleaseDate: z.boolean(),
  }),
);

/** What Kriminalvården's receiver is told (see services/release-notices: status deliveries). */
export const STATUS_CHANGES = [
  "received",
  "planning",
  "plan-ready",
  "withdrawn",
  "plan-deadline-breached",
] as const;

/**
 * A notice's status moved, or its plan deadline was breached: for the client that posted it
 * (`client`, the token's `sub`, a machine client's id), delivered to its registered receiver.
 */
export const releaseNoticeStatusChanged = defineEvent("release-notice.status-changed", 1, () =>
  z.object({
    noticeId: entityIdSchema,
    status: z.enum(STATUS_CHANGES),
    planDueDate: isoDateSchema,
    at: isoDateTimeSchema,
    client: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
);
