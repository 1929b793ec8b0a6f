import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { OnCall } from "../../api/types";
import { Page } from "../../components/page";
import { Loading, ProblemNotice } from "../../components/problem";
import { formatDateTime } from "../../format";
import { useLoad } from "../../hooks";
import { loadOutlook } from "../../hotline/outlook";
import { t } from "../../i18n";
import { ScheduleForm } from "./schedule-form";
import { GapList, Timeline } from "./timeline";

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

interface OnCallPageProps {
  readonly municipality: string;
  /** The schedule's administrator edits it here; on-call staff only read it. */
  readonly canEdit: boolean;
}

export const OnCallPage = ({ municipality, canEdit }: OnCallPageProps) => {
  const onCall = useLoad((signal) => loadOnCall(municipality, signal), municipality);
  const outlook = useLoad((signal) => loadOutlook(municipality, signal), municipality);
  const o = t.onCall;
  const ready = outlook.loaded.state === "ready" ? outlook.loaded.data : undefined;
  const saved = () => {
    onCall.reload();
    outlook.reload();
  };
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
      {outlook.loaded.state === "loading" ? <Loading /> : null}
      {outlook.loaded.state === "failed" ? (
        <ProblemNotice problem={outlook.loaded.problem} onRetry={outlook.reload} />
      ) : null}
      {ready ? (
        <>
          <section aria-labelledby="on-call-timeline">
            <h2 id="on-call-timeline">{t.timeline.title}</h2>
            <Timeline rows={ready.rows} timeZone={ready.schedule.timeZone} />
          </section>
          <section aria-labelledby="on-call-gaps">
            <h2 id="on-call-gaps">{o.gaps}</h2>
            <GapList gaps={ready.gaps} timeZone={ready.schedule.timeZone} />
          </section>
        </>
      ) : null}
      {canEdit && outlook.loaded.state === "ready" ? (
        <ScheduleForm municipality={municipality} schedule={ready?.schedule} onSaved={saved} />
      ) : null}
    </Page>
  );
};
