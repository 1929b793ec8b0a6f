import { useRef, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { STEPS, type StepName } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { type ShownTriage, withoutCaller } from "../../hotline/triage";
import { t } from "../../i18n";
import { href } from "../../router";
import { CompleteTriage, StepForm } from "./steps";

const readTriage = (id: string, signal?: AbortSignal) =>
  unwrap(api.GET("/v1/hotline/triages/{id}", { params: { path: { id } }, ...(signal ? { signal } : {}) }));

interface Loaded {
  readonly triage: ShownTriage;
  readonly readAt: number;
}

/** The caller's number (and identity, once recorded) only on demand: each view is a read the API audits. */
const Caller = ({ id }: { id: string }) => {
  const [shown, setShown] = useState<{ phone: string | null; identity: string | undefined }>();
  const { outcome, run } = useAction();
  const p = t.triagePage;
  const show = async () => {
    const read = await run(() => readTriage(id));
    if (read) setShown({ phone: read.caller.phone, identity: read.person?.personalIdentityNumber });
  };
  return (
    <section aria-labelledby="caller-title">
      <h2 id="caller-title">{p.caller}</h2>
      <p class="hint" id="caller-hint">
        {p.showNumberHint}
      </p>
      {shown ? (
        <>
          <dl class="facts" aria-live="polite">
            <dt>{p.number}</dt>
            <dd class="identity">{shown.phone ?? p.noNumber}</dd>
            {shown.identity ? (
              <>
                <dt>{p.person}</dt>
                <dd class="identity">{shown.identity}</dd>
              </>
            ) : null}
          </dl>
          <button type="button" onClick={() => setShown(undefined)}>
            {p.hideNumber}
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={show}
          aria-describedby="caller-hint"
          disabled={outcome.state === "pending"}
        >
          {p.showNumber}
        </button>
      )}
      <OutcomeNotice outcome={outcome} />
    </section>
  );
};

const Facts = ({ triage }: { triage: ShownTriage }) => {
  const p = t.triagePage;
  return (
    <dl class="facts">
      <dt>{p.status}</dt>
      <dd>{t.triage.status[triage.status]}</dd>
      <dt>{p.received}</dt>
      <dd>{formatDateTime(triage.receivedAt)}</dd>
      <dt>{p.deadline}</dt>
      <dd>{formatDateTime(triage.deadline.dueAt)}</dd>
      <dt>{p.answered}</dt>
      <dd>
        {triage.answeredBy && triage.answeredRole
          ? t.board.answeredBy(triage.answeredBy, t.triage.answeredRole[triage.answeredRole])
          : t.board.notAnswered}
      </dd>
      <dt>{p.acknowledged}</dt>
      <dd>
        {triage.acknowledged
          ? p.byAt(triage.acknowledged.by, formatDateTime(triage.acknowledged.at))
          : t.board.notAcknowledged}
      </dd>
      {triage.escalated ? (
        <>
          <dt>{p.escalated}</dt>
          <dd>{p.byAt(triage.escalated.to, formatDateTime(triage.escalated.at))}</dd>
        </>
      ) : null}
      {triage.completedAt ? (
        <>
          <dt>{p.completedAt}</dt>
          <dd>{formatDateTime(triage.completedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
};

const Acknowledge = ({ triage, onDone }: { triage: ShownTriage; onDone: (triage: ShownTriage) => void }) => {
  const { outcome, run } = useAction();
  const acknowledge = async () => {
    const answer = await run(() =>
      unwrap(api.POST("/v1/hotline/triages/{id}/acknowledge", { params: { path: { id: triage.id } } })),
    );
    if (answer) onDone(withoutCaller(answer));
  };
  return (
    <div>
      <p class="hint" id="acknowledge-hint">
        {t.triagePage.acknowledgeHint}
      </p>
      <OutcomeNotice outcome={outcome} />
      <button
        type="button"
        class="primary"
        onClick={acknowledge}
        aria-describedby="acknowledge-hint"
        disabled={outcome.state === "pending"}
      >
        {t.triagePage.acknowledge}
      </button>
    </div>
  );
};

export const TriagePage = ({ id }: { id: string }) => {
  const { loaded, reload, replace } = useLoad(
    async (signal): Promise<Loaded> => ({
      triage: withoutCaller(await readTriage(id, signal)),
      readAt: Date.now(),
    }),
    id,
  );
  const [pending, setPending] = useState<readonly StepName[]>([]);
  const [message, setMessage] = useState("");
  const status = useRef<HTMLParagraphElement>(null);
  const p = t.triagePage;
  const update = (triage: ShownTriage, said?: string) => {
    replace({ triage, readAt: Date.now() });
    if (said) {
      setMessage(said);
      requestAnimationFrame(() => status.current?.focus());
    }
  };
  const back = <a href={href("/jour")}>{p.back}</a>;
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") {
    return (
      <Page title={t.board.title} actions={back}>
        <ProblemNotice problem={loaded.problem} onRetry={reload} />
      </Page>
    );
  }
  const { triage, readAt } = loaded.data;
  const active = triage.status === "open" || triage.status === "callback-needed";
  return (
    <Page title={p.title(formatDateTime(triage.receivedAt))} actions={back}>
      <Countdown
        minutesLeft={triage.deadline.minutesLeft}
        readAt={readAt}
        label={t.board.countdown}
        state={triage.deadline.state}
      />
      <p class={message ? "notice notice-ok" : "visually-hidden"} role="status" tabIndex={-1} ref={status}>
        {message}
      </p>
      <section aria-labelledby="triage-facts">
        <h2 id="triage-facts">{p.facts}</h2>
        <Facts triage={triage} />
        {active && !triage.acknowledged ? (
          <Acknowledge triage={triage} onDone={(x) => update(x, p.acknowledgedOk)} />
        ) : null}
      </section>
      <Caller id={triage.id} />
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{p.steps}</h2>
        <p class="hint">{p.stepsLead}</p>
        <div class="actions">
          {STEPS.map((step) => (
            <StepForm
              key={step}
              triage={triage}
              step={step}
              pending={pending.includes(step)}
              onSaved={(next) => {
                setPending(pending.filter((s) => s !== step));
                update(next);
              }}
            />
          ))}
        </div>
      </section>
      {active ? (
        <CompleteTriage
          // A refusal speaks of the steps as they were: once one changes, it is read afresh.
          key={STEPS.map((step) => triage.steps[step].status).join()}
          triage={triage}
          onPending={setPending}
          onCompleted={(x) => update(x, p.completed)}
        />
      ) : null}
    </Page>
  );
};
