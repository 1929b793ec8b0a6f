/**
 * Key builders for the hotline table. Keys hold only ids we or the telephony provider mint and
 * municipality codes: never a caller's number, a staff member's phone, or a name.
 */
export const scheduleKey = (municipality: string) => ({
  pk: `SCHEDULE#${municipality}`,
  sk: "SCHEDULE" as const,
});

/** Keyed by the provider's call id: a retried incoming webhook finds the call already there. */
export const callKey = (callId: string) => ({ pk: `CALL#${callId}`, sk: "CALL" as const });

export const triageKey = (triageId: string) => ({ pk: `TRIAGE#${triageId}`, sk: "TRIAGE" as const });

/** gsi1: triages with a stage falling due, so the sweep reads only what is due. */
export const dueIndex = {
  name: "gsi1",
  partition: "DUE",
  sort: (at: Date, triageId: string) => `${at.toISOString()}#${triageId}`,
  /** Everything due at or before `now` sorts below this. */
  upTo: (now: Date) => `${now.toISOString()}#~`,
} as const;

/** gsi2: a municipality's triages in one status, oldest call first. */
export const triageListIndex = {
  name: "gsi2",
  partition: (municipality: string, status: string) => `TRIAGES#${municipality}#${status}`,
  sort: (receivedAt: string, triageId: string) => `${receivedAt}#${triageId}`,
} as const;

/**
 * gsi3: the worklist, a municipality's triages in one status by their due time (`sort=due`).
 * A completed triage is not on it: the list reads what is still to do, never the history.
 */
export const triageWorklistIndex = {
  name: "gsi3",
  partition: (municipality: string, status: string) => `WORK#${municipality}#${status}`,
  sort: (dueAt: string, triageId: string) => `${dueAt}#${triageId}`,
} as const;
