import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../../shared/domain/deadline";
import { epochSeconds } from "../../../shared/dynamo";
import { needSchema, releaseTypeSchema } from "../../../shared/events/catalogue/release-notices";
import { builtOnFirstUse } from "../../../shared/lazy";
import { parseStored } from "../../../shared/stored-item";
import {
  type MilestoneEntry,
  NOTICE_STATUSES,
  type Notice,
  PLAN_MILESTONES,
  WITHDRAWAL_REASONS,
} from "../domain/notice";
import { noticeExpiry } from "../domain/retention";
import { dueIndex, municipalityIndex, noticeKey, statusIndex } from "./keys";

/**
 * Built on the first read, not as a function loads: a post almost never reads a notice (the write's
 * condition does the looking, app/commit-transition.ts), so its function never builds these 62
 * schemas; the others build them on their first request instead.
 */
const buildNoticeItemSchema = () => {
  const isoDateTime = z.iso.datetime({ offset: true });
  const milestoneItemSchema = z.object({
    milestone: z.enum(PLAN_MILESTONES),
    at: isoDateTime,
    by: z.string(),
    /** The staff's note, sealed and bound to this entry (see app/personal-data.ts). */
    noteSealed: z.optional(z.string()),
    /** A note written in clear before notes were sealed; read as it is until the notice next changes. */
    note: z.optional(z.string()),
  });

  /** The notice as stored. Items are validated on the way out of the table, never cast. */
  return z.object({
    pk: z.string(),
    sk: z.literal("NOTICE"),
    id: z.string(),
    noticeId: z.string(),
    municipality: z.string(),
    subjectRef: z.string(),
    /** The identity number, sealed: the table never holds it in clear. */
    subjectSealed: z.string(),
    institution: z.string(),
    expectedReleaseDate: z.iso.date(),
    releaseType: releaseTypeSchema,
    needs: z.array(needSchema),
    contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
    receivedAt: isoDateTime,
    updatedAt: isoDateTime,
    leadDays: z.number().check(z.int()),
    onTime: z.boolean(),
    status: z.enum(NOTICE_STATUSES),
    createRequestHash: z.string(),
    updateRequestHash: z.optional(z.string()),
    /** Optimistic concurrency: every write conditions on the version it read. */
    version: z.number().check(z.int(), z.nonnegative()),
    plan: z.object({
      dueAt: isoDateTime,
      state: z.enum(DEADLINE_STATES),
      remindersSent: z.array(z.number().check(z.int())),
      readyAt: z.optional(isoDateTime),
    }),
    milestones: z.array(milestoneItemSchema),
    withdrawal: z.optional(z.object({ at: isoDateTime, reason: z.optional(z.enum(WITHDRAWAL_REASONS)) })),
    /** The client that posted the notice; absent on notices stored before it was recorded. */
    postedBy: z.optional(z.string()),
    /** The due index (gsi1): present only while a reminder or the breach is still to come. */
    gsi1pk: z.optional(z.string()),
    gsi1sk: z.optional(z.string()),
    /** The municipality's notices by release date (gsi2). */
    gsi2pk: z.string(),
    gsi2sk: z.string(),
    /** The municipality's notices in this status by release date (gsi3); absent once withdrawn. */
    gsi3pk: z.optional(z.string()),
    gsi3sk: z.optional(z.string()),
    /** TTL (gallring), epoch seconds. */
    expiresAt: z.number().check(z.int()),
  });
};

const noticeItemSchema = builtOnFirstUse(buildNoticeItemSchema);
type NoticeItem = z.infer<ReturnType<typeof buildNoticeItemSchema>>;

/** A notice with the version it was read at: the write that follows conditions on it. */
export interface VersionedNotice {
  readonly notice: Notice;
  readonly version: number;
}

const entryOf = ({ note, ...entry }: NoticeItem["milestones"][number]): MilestoneEntry =>
  note === undefined ? entry : { ...entry, legacyNote: note };

const entryItem = ({ legacyNote, ...entry }: MilestoneEntry) =>
  legacyNote === undefined ? entry : { ...entry, note: legacyNote };

export const parseNoticeItem = (item: Record<string, unknown> | undefined): VersionedNotice | undefined => {
  if (!item) return undefined;
  const {
    pk: _pk,
    sk: _sk,
    version,
    gsi1pk: _g1,
    gsi1sk: _s1,
    gsi2pk: _g2,
    gsi2sk: _s2,
    gsi3pk: _g3,
    gsi3sk: _s3,
    expiresAt: _e,
    ...rest
  } = parseStored(noticeItemSchema(), item, "notice");
  const notice: Notice = { ...rest, milestones: rest.milestones.map(entryOf) };
  return { notice, version };
};

/**
 * The item for a notice: its key, its place on the indexes (the status list only while it is not
 * withdrawn), its version and when it may be deleted.
 */
export const noticeItem = (notice: Notice, version: number, nextDueAt: Date | undefined): NoticeItem => ({
  ...noticeKey(notice.noticeId),
  ...notice,
  needs: [...notice.needs],
  plan: { ...notice.plan, remindersSent: [...notice.plan.remindersSent] },
  milestones: notice.milestones.map(entryItem),
  version,
  ...(nextDueAt ? { gsi1pk: dueIndex.partition, gsi1sk: dueIndex.sort(nextDueAt, notice.noticeId) } : {}),
  gsi2pk: municipalityIndex.partition(notice.municipality),
  gsi2sk: municipalityIndex.sort(notice.expectedReleaseDate, notice.noticeId),
  ...(notice.status === "withdrawn"
    ? {}
    : {
        gsi3pk: statusIndex.partition(notice.municipality, notice.status),
        gsi3sk: statusIndex.sort(notice.expectedReleaseDate, notice.noticeId),
      }),
  expiresAt: epochSeconds(noticeExpiry(notice)),
});
