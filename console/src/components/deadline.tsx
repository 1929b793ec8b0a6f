import { formatDateTime } from "../format";
import { t } from "../i18n";
import { DAY_DEADLINES, type Tone, type ToneThresholds, timeLeftWords, toneOf } from "../time-left";

const SYMBOL: Record<Tone | "done", string> = { overdue: "!", urgent: "!", soon: "◔", ok: "✓", done: "✓" };

/** The tone as a word and a symbol as well as a colour: colour alone says nothing to many. */
export const ToneBadge = ({ tone }: { tone: Tone | "done" }) => (
  <span class={`badge tone-${tone}`}>
    <span aria-hidden="true">{SYMBOL[tone]} </span>
    {t.time.tone[tone]}
  </span>
);

interface TimeLeftProps {
  readonly dueAt: string;
  readonly now: number;
  readonly thresholds?: ToneThresholds;
}

/** "Bråttom · 5 timmar kvar (tis 24 nov. 2026 00:00)" */
export const TimeLeft = ({ dueAt, now, thresholds = DAY_DEADLINES }: TimeLeftProps) => {
  const msLeft = Date.parse(dueAt) - now;
  return (
    <span class="time-left">
      <ToneBadge tone={toneOf(msLeft, thresholds)} /> <span class="words">{timeLeftWords(msLeft)}</span>{" "}
      <time class="due" dateTime={dueAt}>
        ({formatDateTime(dueAt)})
      </time>
    </span>
  );
};
