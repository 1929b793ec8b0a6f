/**
 * Key builders for the intake table. Keys hold ids we or another service mint, municipality
 * codes, unit names, instants and keyed hashes: never an identity number, name or phone number.
 */
export const referralKey = (id: string) => ({ pk: `REF#${id}`, sk: "REF" as const });

/** A referral's trail in the audit table (shared/audit-trail.ts), under intake's prefix. */
export const auditSubject = (referralId: string) => `REF#${referralId}`;

/** A task (store/tasks.ts). */
export const taskKey = (id: string) => ({ pk: `TASK#${id}`, sk: "TASK" as const });
/** A task's trail in the audit table, beside the referrals' trails: ids only. */
export const taskAuditSubject = (taskId: string): string => `task#${taskId}`;

/** One row per source (a release notice, a hotline triage's purpose): the same source never makes two referrals. */
export const sourceKey = (type: string, id: string, purpose = "main") => ({
  pk: `SOURCE#${type}#${id}#${purpose}`,
  sk: "SOURCE" as const,
});

/**
 * The person's open referral in a unit, by the keyed hash of their identity number: a new
 * referral for them there is linked to it instead of opening a second case.
 */
export const openInUnitKey = (municipality: string, unit: string, subjectRef: string) => ({
  pk: `OPEN#${municipality}#${unit}#${subjectRef}`,
  sk: "OPEN" as const,
});

/** A referral linked to an open one, listed beside the open one (so that it shows there). */
export const linkKey = (openReferralId: string, referralId: string) => ({
  pk: linksPartition(openReferralId),
  sk: `REF#${referralId}`,
});
export const linksPartition = (openReferralId: string) => `LINKS#${openReferralId}`;

/** A retry's key, as a keyed hash of caller, municipality and Idempotency-Key. */
export const idempotencyKey = (hash: string) => ({ pk: `IDEM#${hash}`, sk: "IDEM" as const });

export const caseworkerKey = (municipality: string, unit: string, caseworkerId: string) => ({
  pk: `UNIT#${municipality}#${unit}`,
  sk: `CW#${caseworkerId}`,
});
export const unitPartition = (municipality: string, unit: string) => `UNIT#${municipality}#${unit}`;

/** gsi1: referrals by their next open deadline, so the sweep reads only what is due. */
export const dueIndex = {
  name: "gsi1",
  partition: "DUE",
  sort: (dueAt: string, id: string) => `${dueAt}#${id}`,
  /** Everything due at or before `now` sorts below this. */
  upTo: (now: Date) => `${now.toISOString()}#~`,
} as const;

/**
 * gsi2: a municipality's referrals, newest first by receipt; an urgent one (an active report of
 * suspected violence against a child by someone close) sorts above them all, newest first too.
 */
export const municipalityIndex = {
  name: "gsi2",
  partition: (municipality: string) => `REFS#${municipality}`,
  sort: (receivedAt: string, id: string, urgent = false) =>
    `${urgent ? URGENT_PREFIX : ""}${receivedAt}#${id}`,
} as const;
/** Above every instant ("2…") when the index is read in descending order. */
const URGENT_PREFIX = "~URGENT#";

/**
 * gsi3: the worklist, a unit's active referrals by their earliest step still to do. Only active
 * referrals are placed on it, so reading it costs what is open, not what was ever received. The
 * overdue view is the key range up to now; one with nothing left to do sorts after every date.
 */
export const worklistIndex = {
  name: "gsi3",
  partition: (municipality: string, unit: string) => `WORK#${municipality}#${unit}`,
  sort: (pendingDueAt: string | undefined, id: string) => `${pendingDueAt ?? "~"}#${id}`,
  /** Everything whose earliest step fell due at or before `now` sorts at or below this. */
  upTo: (now: Date) => `${now.toISOString()}#~`,
  /** The referral a sort key belongs to, to resume a page after it. */
  idOf: (sort: string) => sort.slice(sort.lastIndexOf("#") + 1),
} as const;
