/** What the on-call page reads: the schedule, its gaps and the timeline, all from the hotline API. */
import { api, unwrap } from "../api/client";
import { ApiError } from "../api/problem";
import type { ScheduleGaps, ScheduleView } from "../api/types";
import { type OnCallStretch, type TimelineRow, walkTimeline } from "./timeline";

export const OUTLOOK_DAYS = 28;
/** The schedule routes allow a few reads a second; a walk that meets the limit waits and asks again. */
const THROTTLED_WAIT_MS = 1000;
const THROTTLED_ATTEMPTS = 4;

export interface Outlook {
  readonly schedule: ScheduleView;
  readonly gaps: ScheduleGaps;
  readonly rows: readonly TimelineRow[];
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

const onCallAt = async (
  municipality: string,
  at: Date,
  signal: AbortSignal,
): Promise<OnCallStretch | undefined> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await unwrap(
        api.GET("/v1/hotline/on-call", {
          params: { query: { municipality, at: at.toISOString() } },
          signal,
        }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.problem.code === "nobody-on-call") return undefined;
      if (error.problem.status !== 429 || attempt >= THROTTLED_ATTEMPTS) throw error;
      await wait(THROTTLED_WAIT_MS * attempt, signal);
    }
  }
};

/** Undefined: the municipality has no schedule yet. */
export const loadOutlook = async (
  municipality: string,
  signal: AbortSignal,
): Promise<Outlook | undefined> => {
  let schedule: ScheduleView;
  try {
    schedule = await unwrap(
      api.GET("/v1/hotline/schedules/{municipality}", { params: { path: { municipality } }, signal }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === "no-schedule") return undefined;
    throw error;
  }
  const gaps = await unwrap(
    api.GET("/v1/hotline/schedules/{municipality}/gaps", {
      params: { path: { municipality }, query: { days: OUTLOOK_DAYS } },
      signal,
    }),
  );
  // From the instant the gaps route counted from, so that its stretches and the walk's line up.
  const rows = await walkTimeline(
    new Date(gaps.from),
    new Date(gaps.until),
    (at) => onCallAt(municipality, at, signal),
    gaps.gaps,
  );
  return { schedule, gaps, rows };
};
