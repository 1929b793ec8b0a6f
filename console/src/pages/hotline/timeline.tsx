import type { ScheduleGaps } from "../../api/types";
import { formatDateTimeIn } from "../../format";
import { hoursBetween, type TimelineRow } from "../../hotline/timeline";
import { t } from "../../i18n";

/** One row per stretch; a gap (nobody, or someone without a phone) marked in words, not colour alone. */
export const Timeline = ({ rows, timeZone }: { rows: readonly TimelineRow[]; timeZone: string }) => {
  const l = t.timeline;
  return (
    <table class="stack timeline">
      <caption>{l.caption(timeZone)}</caption>
      <thead>
        <tr>
          <th scope="col">{l.from}</th>
          <th scope="col">{l.until}</th>
          <th scope="col">{l.hours}</th>
          <th scope="col">{l.who}</th>
          <th scope="col">{l.note}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const gap = row.kind === "nobody" || row.noPhone;
          return (
            <tr key={row.start} class={gap ? "gap" : undefined}>
              <td data-label={l.from}>{formatDateTimeIn(row.start, timeZone)}</td>
              <td data-label={l.until}>{formatDateTimeIn(row.end, timeZone)}</td>
              <td data-label={l.hours}>{hoursBetween(row.start, row.end)}</td>
              <th scope="row" data-label={l.who}>
                {row.kind === "nobody" ? l.nobody : row.name}
              </th>
              <td data-label={l.note}>
                {gap ? <span class="badge tone-urgent">{l.gap}</span> : null}{" "}
                {row.kind === "on-call" && row.noPhone ? l.noPhone : null}{" "}
                {row.kind === "on-call" && row.override ? (
                  <span class="badge tone-soon">{l.override}</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

/** The gaps route's list, as it answers it. */
export const GapList = ({ gaps, timeZone }: { gaps: ScheduleGaps; timeZone: string }) => {
  const o = t.onCall;
  return (
    <>
      {gaps.fallbackMessageMissing ? <p class="notice notice-error">{o.fallbackMissing}</p> : null}
      {gaps.gaps.length === 0 ? (
        <p>{o.noGaps}</p>
      ) : (
        <ul>
          {gaps.gaps.map((gap) => (
            <li key={`${gap.kind}|${gap.start}`}>
              <strong>{o.gapKind[gap.kind]}</strong>
              {gap.memberId ? ` (${gap.memberId})` : ""}:{" "}
              {o.gapPeriod(formatDateTimeIn(gap.start, timeZone), formatDateTimeIn(gap.end, timeZone))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
