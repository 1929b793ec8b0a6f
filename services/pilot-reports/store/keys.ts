/**
 * Key builders for the pilot-reports table. Keys hold municipality codes and months only: this
 * table never holds personal data, not even a hashed reference to a person.
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
