/** What a figure of the report is: its id, kind, titles, definition, and the event and field that count it. */

export type MetricKind =
  /** How many events matched: disclosure control suppresses 1..threshold-1. */
  | "count"
  /** The median of a distribution kept as whole-unit buckets; suppressed when fewer than threshold values. */
  | "median";

export interface MetricDefinition {
  readonly id: string;
  readonly kind: MetricKind;
  readonly title: { readonly sv: string; readonly en: string };
  readonly definition: string;
  /** The event type (version 1) that counts towards it. */
  readonly event: string;
  /** The field whose Stockholm month the figure belongs to (a Swedish date's own month). */
  readonly monthOf: string;
  readonly unit: "count" | "days" | "hours";
  /** For a breakdown: the metric it breaks down. */
  readonly breakdownOf?: string;
  /**
   * For a median: the count it is a median over, so that a submitted median has its number of
   * values for disclosure control (the system keeps that number itself).
   */
  readonly over?: string;
}
