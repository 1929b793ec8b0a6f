/**
 * How long release-notices keeps a notice (gallring), and from which event the period counts. The
 * store sets each notice's DynamoDB TTL from these; docs/retention.md lists them.
 */
import { auditExpiry, expiryAfter, type RetentionRule } from "../../../shared/retention";
import { addCalendarDays, type IsoDate, startOfStockholmDay } from "../../../shared/time";

/**
 * Local decision, a setting with this default: the notice is Kriminalvården's message to the
 * municipality; what social services do with it lives on in intake's referral (a personakt,
 * kept by SoL 12 kap.). No statute we could verify fixes how long this copy is kept; a year
 * after the release (or after the last change, if that is later) covers the follow-up.
 */
export const RETENTION_DAYS_AFTER_RELEASE = 365;

export const RETENTION = {
  notice: {
    period: { days: RETENTION_DAYS_AFTER_RELEASE },
    countsFrom: "the release date, or the last change to the notice if that is later",
    source: {
      kind: "local",
      decidedBy: "the municipality (personuppgiftsansvarig nämnd), through its dokumenthanteringsplan",
      note: "default 365 days; no national rule verified",
    },
  },
} as const satisfies Record<string, RetentionRule>;

/** When a notice released on `releaseDate` may be deleted, counting from the release alone. */
export const retainUntil = (releaseDate: IsoDate): Date =>
  startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE));

/**
 * The notice's TTL: a year after release, or after its last change when that is later (a
 * milestone recorded after the release keeps it). Moves with every change and every new date.
 */
export const noticeExpiry = (notice: {
  readonly expectedReleaseDate: IsoDate;
  readonly updatedAt?: string;
}): Date => {
  const fromRelease = retainUntil(notice.expectedReleaseDate);
  if (notice.updatedAt === undefined) return fromRelease;
  const fromLastChange = expiryAfter(new Date(notice.updatedAt), RETENTION.notice.period);
  return fromLastChange > fromRelease ? fromLastChange : fromRelease;
};

/** When an audit row written now about the notice may go: after the notice. */
export const noticeAuditExpiry = (notice: Parameters<typeof noticeExpiry>[0]): Date | undefined =>
  auditExpiry(noticeExpiry(notice));
