import { z } from "zod";
import { needSchema, releaseTypeSchema } from "../../shared/events/catalogue/release-notices";
import { PLAN_MILESTONES, WITHDRAWAL_REASONS } from "./contract";

const isoDateTime = z.iso.datetime({ offset: true });

/** The notice as stored. Items are validated on the way out of the table, never cast. */
export const noticeRecordSchema = z.object({
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
  leadDays: z.number().int(),
  onTime: z.boolean(),
  status: z.enum(["received", "planning", "plan-ready", "withdrawn"]),
  /** Keyed hashes of the create and latest update bodies: a retry is recognised without storing the body twice. */
  createRequestHash: z.string(),
  updateRequestHash: z.string().optional(),
  /** Optimistic concurrency: every write conditions on the version it read. */
  version: z.number().int().nonnegative(),
  plan: z.object({
    dueAt: isoDateTime,
    state: z.enum(["open", "met", "breached"]),
    remindersSent: z.array(z.number().int()),
    readyAt: isoDateTime.optional(),
  }),
  milestones: z.array(
    z.object({
      milestone: z.enum(PLAN_MILESTONES),
      at: isoDateTime,
      by: z.string(),
      note: z.string().optional(),
    }),
  ),
  withdrawal: z.object({ at: isoDateTime, reason: z.enum(WITHDRAWAL_REASONS).optional() }).optional(),
  gsi1pk: z.string().optional(),
  gsi1sk: z.string().optional(),
  gsi2pk: z.string(),
  gsi2sk: z.string(),
  expiresAt: z.number().int(),
});
export type NoticeRecord = z.infer<typeof noticeRecordSchema>;

export const parseNoticeRecord = (item: Record<string, unknown> | undefined): NoticeRecord | undefined => {
  if (!item) return undefined;
  const parsed = noticeRecordSchema.safeParse(item);
  // A stored item that fails its schema is our bug, not the caller's: fail loudly, name no value.
  if (!parsed.success)
    throw new Error(`stored notice does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
};
