import type { ComponentChildren } from "preact";
import type { RateCell } from "../../api/types";
import { t } from "../../i18n";

const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 1 });

const sourceWords = (cell: RateCell): string => {
  const s = t.reports.source;
  if (cell.source === "submitted") return s.submitted(cell.sourceName);
  return s[cell.source];
};

/** One figure as the API gives it: its value, or why there is none (never a 0), and its source. */
export const Cell = ({
  cell,
  threshold,
  rate,
}: {
  cell: RateCell | undefined;
  threshold: number;
  rate?: boolean;
}) => {
  const r = t.reports;
  if (!cell) return <>{r.missing}</>;
  let shown: ComponentChildren;
  if (cell.suppressed) {
    shown = (
      <>
        <strong>{r.suppressed}</strong>
        <span class="cell-note">{r.suppressedWhy(threshold)}</span>
      </>
    );
  } else if (cell.value === null) {
    shown =
      cell.source === "none" ? (
        <>
          <strong>{r.missing}</strong>
          <span class="cell-note">{r.missingWhy}</span>
        </>
      ) : (
        <>
          <strong>{r.notComputed}</strong>
          {cell.source === "mixed" ? <span class="cell-note">{r.mixedWhy}</span> : null}
        </>
      );
  } else {
    shown = rate ? percent.format(cell.value) : number.format(cell.value);
  }
  return (
    <>
      {shown}
      {cell.source === "none" ? null : <span class="cell-note">{sourceWords(cell)}</span>}
    </>
  );
};
