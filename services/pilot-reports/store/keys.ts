/**
 * Key builders for the pilot-reports table. Keys hold municipality codes, months and versions only.
 * The table holds nothing about the people the figures count, not even a hashed reference to a
 * person; the only person it names is who submitted a municipality's figures (the token's subject).
 *
 * One item per municipality and month holds every figure of that month, medians included, so a
 * report reads one Query per municipality over its period: its cost grows with municipalities ×
 * months, never with the events consumed.
 *
 * The distributions behind the medians grow with the distinct values seen, so they live apart, one
 * item per municipality, month and distribution, under a partition of their own that the report's
 * Query never reaches. Only the consumer reads them, to work out the new median.
 */
export const aggregateKey = (municipality: string, month: string) => ({
  pk: `AGG#${municipality}`,
  sk: `MONTH#${month}`,
});

export const aggregateRange = (municipality: string, from: string, to: string) => ({
  pk: `AGG#${municipality}`,
  from: `MONTH#${from}`,
  to: `MONTH#${to}`,
});

export const histogramKey = (municipality: string, month: string, histogram: string) => ({
  pk: `HIST#${municipality}`,
  sk: `MONTH#${month}#${histogram}`,
});

/** Attribute names inside a month item: one counter per count metric, a median and its count per distribution. */
export const counterAttribute = (metricId: string) => `n:${metricId}`;
export const medianAttribute = (histogram: string) => `m:${histogram}`;
export const medianCountAttribute = (histogram: string) => `mn:${histogram}`;

/** Attribute names inside a histogram item: how many values fell in each whole-unit bucket. */
export const bucketAttribute = (value: number) => `h:${value}`;

/**
 * Submissions, one partition per municipality: the month's current submission under `MONTH#`, which
 * the report and the list read as one range, and every version under `VERSION#`, which only the
 * history reads. A replacement writes a new version and moves the current item on, on condition
 * that it is still the version read.
 */
export const submissionKey = (municipality: string, month: string) => ({
  pk: `SUB#${municipality}`,
  sk: `MONTH#${month}`,
});

export const submissionRange = (municipality: string, from: string, to: string) => ({
  pk: `SUB#${municipality}`,
  from: `MONTH#${from}`,
  to: `MONTH#${to}`,
});

/** Zero-padded, so that the versions of a month sort in order. */
export const submissionVersionKey = (municipality: string, month: string, version: number) => ({
  pk: `SUB#${municipality}`,
  sk: `VERSION#${month}#${String(version).padStart(6, "0")}`,
});

export const submissionVersionsPrefix = (municipality: string, month: string) => ({
  pk: `SUB#${municipality}`,
  prefix: `VERSION#${month}#`,
});

/** The audit trail of one municipality's submissions, in the audit table (shared/audit-trail.ts). */
export const auditSubject = (municipality: string) => `SUB#${municipality}`;
