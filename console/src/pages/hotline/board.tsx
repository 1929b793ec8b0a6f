import { useEffect, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import type { TriageStatus, TriageSummary } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDateTime, formatTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { byDueAt, stepsHandled } from "../../hotline/triage";
import { t } from "../../i18n";
import { href } from "../../router";

/** How often the board reads again while open: a new callback task must not wait for a click. */
const REFRESH_MS = 30_000;
const LIMIT = 100;

interface Board {
  readonly readAt: number;
  readonly callbacks: readonly TriageSummary[];
  readonly open: readonly TriageSummary[];
  readonly ringing: readonly TriageSummary[];
}

const list = (status: TriageStatus, signal: AbortSignal) =>
  unwrap(api.GET("/v1/hotline/triages", { params: { query: { status, limit: LIMIT } }, signal }));

const loadBoard = async (signal: AbortSignal): Promise<Board> => {
  const [callbacks, open, ringing] = await Promise.all([
    list("callback-needed", signal),
    list("open", signal),
    list("ringing", signal),
  ]);
  return {
    readAt: Date.now(),
    callbacks: byDueAt(callbacks.items),
    open: byDueAt(open.items),
    ringing: ringing.items,
  };
};

const TriageCard = ({
  triage,
  readAt,
  onChanged,
}: {
  triage: TriageSummary;
  readAt: number;
  onChanged: () => void;
}) => {
  const { outcome, run } = useAction();
  const b = t.board;
  const acknowledge = async () => {
    const done = await run(() =>
      unwrap(api.POST("/v1/hotline/triages/{id}/acknowledge", { params: { path: { id: triage.id } } })),
    );
    if (done) onChanged();
  };
  const titleId = `triage-${triage.id}`;
  return (
    <li
      class={`card${triage.status === "callback-needed" ? " card-callback" : ""}`}
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        <a href={href(`/jour/triage/${encodeURIComponent(triage.id)}`)}>
          {b.call(formatDateTime(triage.receivedAt))}
        </a>
      </h3>
      <Countdown
        minutesLeft={triage.deadline.minutesLeft}
        readAt={readAt}
        label={b.countdown}
        state={triage.deadline.state}
      />
      <ul class="meta">
        <li>
          {triage.answeredBy && triage.answeredRole
            ? b.answeredBy(triage.answeredBy, t.triage.answeredRole[triage.answeredRole])
            : b.notAnswered}
        </li>
        <li>
          {triage.acknowledged
            ? b.acknowledged(triage.acknowledged.by, formatTime(triage.acknowledged.at))
            : b.notAcknowledged}
        </li>
        {triage.escalated ? (
          <li>{b.escalated(triage.escalated.to, formatTime(triage.escalated.at))}</li>
        ) : null}
        <li>{b.stepsDone(stepsHandled(triage), 4)}</li>
      </ul>
      <OutcomeNotice outcome={outcome} />
      {!triage.acknowledged && triage.status !== "ringing" ? (
        <button type="button" class="primary" onClick={acknowledge} disabled={outcome.state === "pending"}>
          {t.triagePage.acknowledge}
        </button>
      ) : null}
    </li>
  );
};

const Section = (props: {
  id: string;
  title: string;
  lead?: string;
  triages: readonly TriageSummary[];
  readAt: number;
  onChanged: () => void;
}) => (
  <section aria-labelledby={props.id}>
    <h2 id={props.id}>
      {props.title} ({props.triages.length})
    </h2>
    {props.lead ? <p class="hint">{props.lead}</p> : null}
    {props.triages.length === 0 ? (
      <p>{t.board.none}</p>
    ) : (
      <ul class="cards">
        {props.triages.map((triage) => (
          <TriageCard key={triage.id} triage={triage} readAt={props.readAt} onChanged={props.onChanged} />
        ))}
      </ul>
    )}
  </section>
);

export const BoardPage = () => {
  const { loaded, reload } = useLoad(loadBoard, "board");
  const [updatedAt, setUpdatedAt] = useState<number>();
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (loaded.state === "ready") setUpdatedAt(loaded.data.readAt);
  }, [loaded]);
  const b = t.board;
  return (
    <Page
      title={b.title}
      lead={b.lead}
      actions={
        <>
          {updatedAt ? <span class="hint">{b.updated(formatTime(new Date(updatedAt)))}</span> : null}{" "}
          <button type="button" onClick={reload}>
            {b.refresh}
          </button>
        </>
      }
    >
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <>
          <Section
            id="callbacks"
            title={b.callbacks}
            lead={b.callbacksLead}
            triages={loaded.data.callbacks}
            readAt={loaded.data.readAt}
            onChanged={reload}
          />
          <Section
            id="open"
            title={b.open}
            triages={loaded.data.open}
            readAt={loaded.data.readAt}
            onChanged={reload}
          />
          {loaded.data.ringing.length > 0 ? (
            <Section
              id="ringing"
              title={b.ringing}
              triages={loaded.data.ringing}
              readAt={loaded.data.readAt}
              onChanged={reload}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
};
