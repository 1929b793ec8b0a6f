import { useNow } from "../hooks";
import { msLeftAt } from "../hotline/triage";
import { HOUR_DEADLINES, timeLeftWords, toneOf } from "../time-left";
import { ToneBadge } from "./deadline";

interface CountdownProps {
  readonly minutesLeft: number;
  /** When the triage was read, by this device's clock. */
  readonly readAt: number;
  readonly label: string;
  readonly state: "open" | "met" | "breached";
}

/** The time left of a triage's 24 hours, counting down while the page is open. */
export const Countdown = ({ minutesLeft, readAt, label, state }: CountdownProps) => {
  const now = useNow(10_000);
  if (state === "met") {
    return (
      <p class="countdown">
        <ToneBadge tone="done" />
      </p>
    );
  }
  const msLeft = msLeftAt(minutesLeft, readAt, now);
  return (
    <p class="countdown">
      <span class="visually-hidden">{label}: </span>
      <ToneBadge tone={toneOf(msLeft, HOUR_DEADLINES)} /> {timeLeftWords(msLeft, true)}
    </p>
  );
};
