import { type ComponentChildren, Fragment } from "preact";
import { useRef, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import type { Deadline, ReferralDetail } from "../../api/types";
import type { Capabilities } from "../../auth/roles";
import { TimeLeft } from "../../components/deadline";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDateTime } from "../../format";
import { useAction, useLoad, useNow } from "../../hooks";
import { t } from "../../i18n";
import { href } from "../../router";
import { AssignForm } from "./assign";
import { History } from "./history";
import { CloseForm, ConversationForm, DecisionForm, ProtectionAssessmentForm } from "./referral-actions";

/** The referral without the identity number: the page holds it only once it is asked for. */
type ShownReferral = Omit<ReferralDetail, "subject">;

const readReferral = (id: string, signal?: AbortSignal) =>
  unwrap(api.GET("/v1/referrals/{id}", { params: { path: { id } }, ...(signal ? { signal } : {}) }));

const loadShown = async (id: string, signal: AbortSignal): Promise<ShownReferral> => {
  const { subject: _hidden, ...shown } = await readReferral(id, signal);
  return shown;
};

const by = (who: string, at: string) => t.referralPage.recordedBy(who, formatDateTime(at));

const Facts = ({ referral }: { referral: ShownReferral }) => {
  const p = t.referralPage;
  const rows: [string, ComponentChildren][] = [
    [p.kind, t.referral.kind[referral.kind]],
    [p.unit, t.referral.unit[referral.unit]],
    [p.ageGroup, t.referral.ageGroup[referral.ageGroup]],
    [p.status, t.referral.status[referral.status]],
    [p.received, formatDateTime(referral.receivedAt)],
    [p.assignee, referral.assignee ?? p.unassigned],
  ];
  if (referral.reporter) rows.push([p.reporter, t.referral.reporter[referral.reporter.role]]);
  if (referral.source)
    rows.push([p.source, `${t.referral.source[referral.source.type]} (${referral.source.id})`]);
  if (referral.firstOffence) rows.push([p.firstOffence, t.yes]);
  if (referral.linkedReferralId) {
    rows.push([
      p.linked,
      <a href={href(`/arenden/${encodeURIComponent(referral.linkedReferralId)}`)}>{p.linkedOpen}</a>,
    ]);
  }
  if (referral.summary) rows.push([p.summary, referral.summary]);
  const pa = referral.protectionAssessment;
  if (pa) {
    rows.push([
      t.protection.title,
      <>
        {pa.immediateProtectionNeeded ? t.protection.yes : t.protection.no} ({by(pa.by, pa.at)})
        {pa.note ? <p class="recorded-note">{pa.note}</p> : null}
      </>,
    ]);
  }
  const decision = referral.decision;
  if (decision) {
    rows.push([
      t.decision.title,
      <>
        {decision.openInvestigation ? t.decision.yes : t.decision.no} ({by(decision.by, decision.at)})
        <p class="recorded-note">{decision.reason}</p>
      </>,
    ]);
  }
  const conversation = referral.firstOffenceConversation;
  if (conversation) {
    rows.push([
      t.conversation.title,
      <>
        {t.conversation.recorded} ({by(conversation.by, conversation.at)})
        {conversation.note ? <p class="recorded-note">{conversation.note}</p> : null}
      </>,
    ]);
  }
  if (referral.closure) {
    rows.push([
      t.close.title,
      `${t.referral.closure[referral.closure.reason]} (${by(referral.closure.by, referral.closure.at)})`,
    ]);
  }
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
};

/** "201205101239" as people write it: "20120510-1239". */
const formatIdentity = (number: string): string =>
  /^\d{12}$/.test(number) ? `${number.slice(0, 8)}-${number.slice(8)}` : number;

/** The identity number stays hidden until asked for; each time it is shown, the API audits the read. */
const Identity = ({ id, onRead }: { id: string; onRead: () => void }) => {
  const [shown, setShown] = useState<string>();
  const { outcome, run } = useAction();
  const show = async () => {
    const read = await run(() => readReferral(id));
    if (read) {
      const subject = read.subject;
      setShown(
        "personalIdentityNumber" in subject ? formatIdentity(subject.personalIdentityNumber) : subject.name,
      );
      onRead();
    }
  };
  const p = t.referralPage;
  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">{p.identity}</h2>
      <p class="hint" id="identity-hint">
        {p.identityHint}
      </p>
      <p>
        <span class="identity" aria-live="polite">
          {shown ?? p.identityHidden}
        </span>{" "}
        {shown ? (
          <button type="button" onClick={() => setShown(undefined)}>
            {p.hideIdentity}
          </button>
        ) : (
          <button
            type="button"
            onClick={show}
            aria-describedby="identity-hint"
            disabled={outcome.state === "pending"}
          >
            {p.showIdentity}
          </button>
        )}
      </p>
      <OutcomeNotice outcome={outcome} />
    </section>
  );
};

const Deadlines = ({ deadlines }: { deadlines: readonly Deadline[] }) => {
  const now = useNow(30_000);
  const p = t.referralPage;
  if (deadlines.length === 0) return <p>{p.noDeadlines}</p>;
  return (
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">{p.deadline}</th>
          <th scope="col">{p.state}</th>
          <th scope="col">{p.timeLeft}</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((d) => (
          <tr key={d.type}>
            <th scope="row" data-label={p.deadline}>
              {t.referral.deadline[d.type]}
            </th>
            <td data-label={p.state}>
              {d.state === "open" || d.state === "extended" ? (
                t.referral.deadlineState[d.state]
              ) : (
                <span class={`badge tone-${d.state === "met" ? "done" : "overdue"}`}>
                  <span aria-hidden="true">{d.state === "met" ? "✓ " : "! "}</span>
                  {t.referral.deadlineState[d.state]}
                </span>
              )}
            </td>
            <td data-label={p.timeLeft}>
              {d.state === "open" || d.state === "extended" ? (
                <TimeLeft dueAt={d.dueAt} now={now} />
              ) : (
                `${p.due} ${formatDateTime(d.dueAt)}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const Actions = ({ referral, onDone }: { referral: ShownReferral; onDone: () => void }) => {
  const has = (type: Deadline["type"]) => referral.deadlines.some((d) => d.type === type);
  const props = { referral, onDone };
  return (
    <div class="actions">
      {has("protection-assessment") && !referral.protectionAssessment ? (
        <ProtectionAssessmentForm {...props} />
      ) : null}
      {referral.status === "open" && !referral.decision ? <DecisionForm {...props} /> : null}
      {has("first-offence-conversation") && !referral.firstOffenceConversation ? (
        <ConversationForm {...props} />
      ) : null}
      <AssignForm {...props} />
      <CloseForm {...props} />
    </div>
  );
};

export const ReferralPage = ({ id, capabilities }: { id: string; capabilities: Capabilities }) => {
  // The history is read again after each read of the referral has been audited, so it shows that read.
  const [historyVersion, setHistoryVersion] = useState(0);
  const afterRead = () => setHistoryVersion((v) => v + 1);
  const { loaded, reload } = useLoad(async (signal) => {
    const shown = await loadShown(id, signal);
    afterRead();
    return shown;
  }, id);
  const saved = useRef<HTMLParagraphElement>(null);
  const [justSaved, setJustSaved] = useState(false);
  const p = t.referralPage;
  const onDone = () => {
    reload();
    setJustSaved(true);
    // The form that was used is gone once its step is recorded: focus goes to what says so.
    requestAnimationFrame(() => saved.current?.focus());
  };
  const back = <a href={href("/arbetslista")}>{p.back}</a>;
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") {
    return (
      <Page title={loaded.problem.status === 404 ? p.notFound : t.referralPage.facts} actions={back}>
        <ProblemNotice problem={loaded.problem} onRetry={reload} />
      </Page>
    );
  }
  const referral = loaded.data;
  const active = referral.status === "open" || referral.status === "investigating";
  return (
    <Page
      title={p.title(t.referral.kind[referral.kind])}
      lead={p.lead(t.referral.unit[referral.unit], formatDateTime(referral.receivedAt))}
      actions={back}
    >
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{p.facts}</h2>
        <Facts referral={referral} />
      </section>
      <Identity id={referral.id} onRead={afterRead} />
      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{p.deadlines}</h2>
        <Deadlines deadlines={referral.deadlines} />
      </section>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{p.actions}</h2>
        <p class={justSaved ? "notice notice-ok" : "visually-hidden"} role="status" tabIndex={-1} ref={saved}>
          {justSaved ? p.done : ""}
        </p>
        {!active ? (
          <p>{p.inactive}</p>
        ) : capabilities.intakeManage ? (
          <Actions referral={referral} onDone={onDone} />
        ) : (
          <p>{p.readOnly}</p>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t.history.title}</h2>
        <p class="hint">{t.history.lead}</p>
        {capabilities.audit ? (
          <History referralId={referral.id} version={historyVersion} />
        ) : (
          <p>{t.history.noAccess}</p>
        )}
      </section>
    </Page>
  );
};
