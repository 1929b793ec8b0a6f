/**
 * Key builders for the pilot-reports table. Keys hold municipality codes and months only: this
 * table never holds personal data, not even a hashed reference to a person.
 *
 * One item per municipality and month holds every figure of that month, so a report reads one
 * Query per municipality over its period: its cost grows with municipalities × months, never with
 * the events consumed.
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

/** Attribute names inside an aggregate item: one counter per count metric, one per bucket. */
export const counterAttribute = (metricId: string) => `n:${metricId}`;
export const bucketAttribute = (histogram: string, value: number) => `h:${histogram}:${value}`;
