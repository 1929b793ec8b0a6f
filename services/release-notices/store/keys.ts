/**
 * Key builders for the release-notices table. Keys hold only ids we or Kriminalvården mint,
 * dates and municipality codes: never an identity number, name or phone number.
 */
export const noticeKey = (noticeId: string) => ({ pk: `NOTICE#${noticeId}`, sk: "NOTICE" as const });

/** A notice's trail in the audit table (shared/audit-trail.ts), under release-notices' prefix. */
export const auditSubjectKey = (noticeId: string) => `NOTICE#${noticeId}`;

/** gsi1: plan stages falling due, so the sweep reads only what is due. */
export const dueIndex = {
  name: "gsi1",
  partition: "DUE",
  sort: (at: Date, noticeId: string) => `${at.toISOString()}#${noticeId}`,
  /** Everything due at or before `now` sorts below this. */
  upTo: (now: Date) => `${now.toISOString()}#~`,
} as const;

/** gsi2: a municipality's notices by release date. */
export const municipalityIndex = {
  name: "gsi2",
  partition: (municipality: string) => `MUNI#${municipality}`,
  sort: (releaseDate: string, noticeId: string) => `${releaseDate}#${noticeId}`,
  from: (releaseDate: string) => `${releaseDate}#`,
  to: (releaseDate: string) => `${releaseDate}#~`,
} as const;

/**
 * gsi3: the worklist, a municipality's notices in one status by release date (the plan is due
 * when the release day begins, so this is also the order they fall due). A withdrawn notice is
 * not placed on it: a status list reads what is in that status, never the history around it.
 */
export const statusIndex = {
  name: "gsi3",
  partition: (municipality: string, status: string) => `WORK#${municipality}#${status}`,
  sort: (releaseDate: string, noticeId: string) => `${releaseDate}#${noticeId}`,
} as const;

/** One receiver per client, under the token's `sub` (a machine client's id, not a person). */
export const subscriptionKey = (client: string) => ({
  pk: `SUBSCRIPTION#${client}`,
  sk: "SUBSCRIPTION" as const,
});
