import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { OnCall, ScheduleGaps } from "../../api/types";
import { Page } from "../../components/page";
import { Loading, ProblemNotice } from "../../components/problem";
import { formatDateTime } from "../../format";
import { useLoad } from "../../hooks";
import { t } from "../../i18n";

type OnCallNow =
  | { readonly kind: "on-call"; readonly onCall: OnCall }
  | { readonly kind: "nobody" | "no-schedule" };

/** Nobody on call, or no schedule at all, is an answer to show, not an error. */
const loadOnCall = async (municipality: string, signal: AbortSignal): Promise<OnCallNow> => {
  try {
    const onCall = await unwrap(
      api.GET("/v1/hotline/on-call", { params: { query: { municipality } }, signal }),
    );
    return { kind: "on-call", onCall };
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) {
      if (error.problem.code === "nobody-on-call") return { kind: "nobody" };
      if (error.problem.code === "no-schedule") return { kind: "no-schedule" };
    }
    throw error;
  }
};

const loadGaps = async (municipality: string, signal: AbortSignal): Promise<ScheduleGaps | undefined> => {
  try {
    return await unwrap(
      api.GET("/v1/hotline/schedules/{municipality}/gaps", {
        params: { path: { municipality }, query: { days: 7 } },
        signal,
      }),
    );
  } catch (error) {
    // Without a schedule there are no gaps to list; the on-call part says so.
    if (error instanceof ApiError && error.problem.code === "no-schedule") return undefined;
    throw error;
  }
};

const Now = ({ now }: { now: OnCallNow }) => {
  const o = t.onCall;
  if (now.kind !== "on-call") {
    return <p class="notice notice-error">{now.kind === "nobody" ? o.nobody : o.noSchedule}</p>;
  }
  const { onCall } = now;
  return (
    <dl class="facts">
      <dt>{o.who}</dt>
      <dd>
        <strong>{onCall.name}</strong>{" "}
        {onCall.override ? <span class="badge tone-soon">{o.override}</span> : null}
      </dd>
      <dt>{o.from}</dt>
      <dd>{formatDateTime(onCall.from)}</dd>
      <dt>{o.until}</dt>
      <dd>{formatDateTime(onCall.until)}</dd>
    </dl>
  );
};

const Gaps = ({ gaps }: { gaps: ScheduleGaps }) => {
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
              {o.gapPeriod(formatDateTime(gap.start), formatDateTime(gap.end))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};

export const OnCallPage = ({ municipality }: { municipality: string }) => {
  const onCall = useLoad((signal) => loadOnCall(municipality, signal), municipality);
  const gaps = useLoad((signal) => loadGaps(municipality, signal), municipality);
  const o = t.onCall;
  return (
    <Page title={o.title} lead={o.lead}>
      <section aria-labelledby="on-call-now">
        <h2 id="on-call-now">{o.now}</h2>
        {onCall.loaded.state === "loading" ? <Loading /> : null}
        {onCall.loaded.state === "failed" ? (
          <ProblemNotice problem={onCall.loaded.problem} onRetry={onCall.reload} />
        ) : null}
        {onCall.loaded.state === "ready" ? <Now now={onCall.loaded.data} /> : null}
      </section>
      <section aria-labelledby="on-call-gaps">
        <h2 id="on-call-gaps">{o.gaps}</h2>
        {gaps.loaded.state === "loading" ? <Loading /> : null}
        {gaps.loaded.state === "failed" ? (
          <ProblemNotice problem={gaps.loaded.problem} onRetry={gaps.reload} />
        ) : null}
        {gaps.loaded.state === "ready" && gaps.loaded.data ? <Gaps gaps={gaps.loaded.data} /> : null}
      </section>
    </Page>
  );
};
