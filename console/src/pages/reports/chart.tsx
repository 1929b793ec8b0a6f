/**
 * A metric's months as a line chart, drawn by uPlot. The library is imported only when a chart is
 * shown, so it is its own chunk and weighs on no other page. The chart repeats the table beside it
 * for the eye; the table is what a screen reader reads.
 */

import { useEffect, useRef, useState } from "preact/hooks";
import type uPlot from "uplot";
import { t } from "../../i18n";

export interface ChartSeries {
  readonly label: string;
  /** null: suppressed, unknown or not computed; drawn as a gap, never as 0. */
  readonly values: readonly (number | null)[];
}

/** Colour and dash both tell the lines apart: colour alone says nothing to many. */
const STROKES = ["#1f5f99", "#b3541e", "#2e7d32", "#6a1b9a", "#00838f", "#5d4037"] as const;
const DASHES: readonly number[][] = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 6]];

const DASH_WORDS = ["heldragen", "streckad", "prickad", "streck-prick", "kort streckad", "glest prickad"];

let library: Promise<typeof uPlot> | undefined;
const loadLibrary = () => {
  library ??= import("uplot").then((m) => m.default);
  return library;
};

export const LineChart = ({
  title,
  months,
  series,
}: {
  title: string;
  months: readonly string[];
  series: readonly ChartSeries[];
}) => {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => {
    let plot: uPlot | undefined;
    let cancelled = false;
    loadLibrary().then(
      (UPlot) => {
        const target = box.current;
        if (cancelled || !target) return;
        plot = new UPlot(
          {
            width: Math.max(280, Math.min(720, target.clientWidth || 720)),
            height: 220,
            legend: { show: false },
            cursor: { show: false },
            scales: { x: { time: false } },
            axes: [
              {
                incrs: [1],
                values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (months[i] ?? "") : "")),
              },
              {},
            ],
            series: [
              {},
              ...series.map((s, i) => ({
                label: s.label,
                stroke: STROKES[i % STROKES.length],
                dash: DASHES[i % DASHES.length],
                width: 2,
                spanGaps: false,
                points: { show: true, size: 6 },
              })),
            ],
          },
          [months.map((_, i) => i), ...series.map((s) => s.values.map((v) => v))],
          target,
        );
        setState("ready");
      },
      () => setState("failed"),
    );
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [months, series]);
  return (
    <figure class="chart">
      <div ref={box} aria-hidden="true" />
      {state === "loading" ? <p class="hint">{t.reports.chartLoading}</p> : null}
      <figcaption>
        {t.reports.chart(title)}
        <ul class="legend">
          {series.map((s, i) => (
            <li key={s.label}>
              <span class={`swatch swatch-${i % STROKES.length}`} aria-hidden="true" /> {s.label} (
              {DASH_WORDS[i % DASH_WORDS.length]})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
};
