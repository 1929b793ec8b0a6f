import { NATIONAL_SUPPRESSION_THRESHOLD } from "../../../shared/settings";
import type { MetricKind } from "./catalogue";
import type { Relation } from "./relations";

export const DEFAULT_SUPPRESSION_THRESHOLD = NATIONAL_SUPPRESSION_THRESHOLD;

/**
 * The threshold for one municipality's figures: its own setting (`suppressionThreshold`, in force
 * on the day the report is made), never below the national one this service runs with.
 */
export const municipalThreshold = (national: number, own: number): number => Math.max(national, own);

/** A figure before disclosure control; `n` is how many values a median is over. */
export interface RawCell {
  readonly kind: MetricKind;
  /** null only for a median over no values. */
  readonly value: number | null;
  readonly n?: number;
}

export interface ShownCell {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** A count from 1 to threshold − 1 could point at a person; 0 points at no one. */
export const isSmallCount = (value: number, threshold: number): boolean => value >= 1 && value < threshold;

/**
 * Disclosure control for one municipality and month.
 *
 * Primary: counts from 1 to threshold − 1, and medians over fewer than threshold values, are
 * suppressed. A median over no values is null and shows nothing; a median whose number of values
 * is not known (a submitted one without its count) is suppressed.
 *
 * Complementary: a relation with exactly one suppressed figure would give it away (total minus
 * the other parts), so one more of its figures is suppressed: the smallest positive part first,
 * then a zero part, the total last, so that totals stay visible whenever a breakdown can protect
 * instead. Suppressing one figure can expose another relation it belongs to, so this repeats
 * until no relation has exactly one suppressed figure. A figure that is unknown (null: neither
 * the system nor a submission covers it) does not count as hidden, since another relation may give
 * it away (a total from its age groups), and cannot be suppressed in another's place: there is
 * nothing to hide.
 */
export const suppress = (
  cells: Readonly<Record<string, RawCell>>,
  relations: readonly Relation[],
  threshold: number,
): Record<string, ShownCell> => {
  const suppressed = new Set<string>();
  for (const [id, cell] of Object.entries(cells)) {
    if (cell.kind === "count" && cell.value !== null && isSmallCount(cell.value, threshold))
      suppressed.add(id);
    if (cell.kind === "median" && cell.value !== null && (cell.n ?? 0) < threshold) suppressed.add(id);
  }

  const countOf = (id: string): number => cells[id]?.value ?? 0;
  const canSuppress = (id: string): boolean =>
    cells[id] !== undefined && cells[id]?.value !== null && !suppressed.has(id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      const members = [relation.total, ...relation.parts].filter((id) => cells[id] !== undefined);
      if (members.filter((id) => suppressed.has(id)).length !== 1) continue;
      const shownParts = relation.parts.filter(canSuppress);
      const positive = shownParts.filter((id) => countOf(id) > 0).sort((a, b) => countOf(a) - countOf(b));
      const zero = shownParts.filter((id) => countOf(id) === 0);
      const pick = positive[0] ?? zero[0] ?? (canSuppress(relation.total) ? relation.total : undefined);
      if (pick === undefined) continue;
      suppressed.add(pick);
      changed = true;
    }
  }

  return Object.fromEntries(
    Object.entries(cells).map(([id, cell]) => [
      id,
      suppressed.has(id) ? { value: null, suppressed: true } : { value: cell.value, suppressed: false },
    ]),
  );
};
