import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { ApiError, problemsFor } from "../../api/problem";
import { MILESTONES, type Milestone, type NoticeDetail } from "../../api/types";
import { RadioGroup, TextField } from "../../components/fields";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDate, formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { href } from "../../router";
import { DeadlineState, LeadTime } from "./notices";

/** The staff's read; the status view (Kriminalvården's) is not what this page can show. */
const readNotice = async (noticeId: string, signal?: AbortSignal): Promise<NoticeDetail> => {
  const read = await unwrap(
    api.GET("/v1/release-notices/{noticeId}", { params: { path: { noticeId } }, signal }),
  );
  if (!("milestones" in read)) {
    throw new ApiError({
      status: 403,
      code: undefined,
      detail: undefined,
      correlationId: undefined,
      fields: [],
    });
  }
  return read;
};

const formatIdentity = (number: string): string =>
  /^\d{12}$/.test(number) ? `${number.slice(0, 8)}-${number.slice(8)}` : number;

/** Hidden until asked for; asking reads the notice again, and the API audits that read. */
const Identity = ({ noticeId }: { noticeId: string }) => {
  const [shown, setShown] = useState<string>();
  const { outcome, run } = useAction();
  const n = t.notice;
  const show = async () => {
    const read = await run(() => readNotice(noticeId));
    if (read) setShown(formatIdentity(read.person.personalIdentityNumber));
  };
  return (
    <>
      <dt>{n.identity}</dt>
      <dd>
        <span class="identity" aria-live="polite">
          {shown ?? n.identityHidden}
        </span>{" "}
        <button
          type="button"
          aria-describedby="identity-hint"
          disabled={outcome.state === "pending"}
          onClick={shown ? () => setShown(undefined) : show}
        >
          {shown ? n.hideIdentity : n.showIdentity}
        </button>
        <p class="hint" id="identity-hint">
          {n.identityHint}
        </p>
        <OutcomeNotice outcome={outcome} />
      </dd>
    </>
  );
};

const Facts = ({ notice }: { notice: NoticeDetail }) => {
  const n = t.notice;
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{n.facts}</h2>
      <dl class="facts">
        <dt>{n.release}</dt>
        <dd>{formatDate(notice.expectedReleaseDate)}</dd>
        <dt>{n.lead}</dt>
        <dd>
          <LeadTime notice={notice} />
        </dd>
        <dt>{n.deadline}</dt>
        <dd>
          <DeadlineState deadline={notice.planDeadline} />
          <br />
          {t.notices.reminders(notice.planDeadline.remindersSent)}
        </dd>
        <dt>{t.notices.status}</dt>
        <dd>{t.noticeStatus[notice.status]}</dd>
        <dt>{n.releaseType}</dt>
        <dd>{t.releaseType[notice.releaseType]}</dd>
        <dt>{n.institution}</dt>
        <dd>{notice.institution}</dd>
        <dt>{n.received}</dt>
        <dd>{formatDateTime(notice.receivedAt)}</dd>
        <dt>{n.contact}</dt>
        <dd>
          {notice.contact.name}, {notice.contact.phone}, {notice.contact.email}
        </dd>
        <Identity noticeId={notice.noticeId} />
      </dl>
      <h3>{n.needs}</h3>
      {notice.needs.length === 0 ? (
        <p>{n.noNeeds}</p>
      ) : (
        <ul>
          {notice.needs.map((need) => (
            <li key={need}>{t.need[need]}</li>
          ))}
        </ul>
      )}
    </section>
  );
};

const RecordMilestone = ({
  notice,
  onSaved,
}: {
  notice: NoticeDetail;
  onSaved: (n: NoticeDetail) => void;
}) => {
  const done = new Set(notice.milestones.map((m) => m.milestone));
  const open = MILESTONES.filter((m) => !done.has(m));
  const [milestone, setMilestone] = useState<Milestone | undefined>(open[0]);
  const [note, setNote] = useState("");
  const { outcome, run, refuse } = useAction();
  const n = t.notice;
  if (open.length === 0 || notice.status === "withdrawn") return null;
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!milestone) return refuse(["milestone"]);
    const saved = await run(() =>
      unwrap(
        api.POST("/v1/release-notices/{noticeId}/plan", {
          params: { path: { noticeId: notice.noticeId } },
          body: { milestone, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    );
    if (saved) {
      setNote("");
      setMilestone(MILESTONES.find((m) => m !== milestone && !done.has(m)));
      onSaved(saved);
    }
  };
  return (
    <form onSubmit={submit} class="action" aria-labelledby="record-title">
      <h3 id="record-title">{n.record}</h3>
      <RadioGroup
        name="milestone"
        legend={n.milestone}
        value={milestone}
        options={open.map((m) => [m, t.milestone[m]] as const)}
        onChange={setMilestone}
        problems={problemsFor(problem, "milestone")}
      />
      <TextField
        id="milestone-note"
        label={n.note}
        hint={n.noteHint}
        value={note}
        multiline
        maxLength={2000}
        onInput={setNote}
        problems={problemsFor(problem, "note")}
      />
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {outcome.state === "pending" ? t.saving : n.record}
      </button>
      {outcome.state === "done" ? (
        <p role="status" class="notice notice-info">
          {n.recorded}
        </p>
      ) : null}
      {problem && problem.fields.length === 0 ? <OutcomeNotice outcome={outcome} /> : null}
      {outcome.state === "lost" ? <OutcomeNotice outcome={outcome} /> : null}
    </form>
  );
};

const History = ({ notice }: { notice: NoticeDetail }) => {
  const n = t.notice;
  const rows: { at: string; what: string; who: string }[] = [
    { at: notice.receivedAt, what: n.receivedEvent, who: n.kriminalvarden },
    ...notice.milestones.map((m) => ({
      at: m.at,
      what: m.note ? `${t.milestone[m.milestone]}: ${m.note}` : t.milestone[m.milestone],
      who: m.by,
    })),
  ];
  // A milestone or a withdrawal moves updatedAt too; only a time none of them explains is an update.
  const explained = new Set([
    notice.receivedAt,
    notice.withdrawal?.at,
    ...notice.milestones.map((m) => m.at),
  ]);
  if (!explained.has(notice.updatedAt)) rows.push({ at: notice.updatedAt, what: n.updatedEvent, who: "" });
  if (notice.withdrawal) {
    const reason = notice.withdrawal.reason ? t.withdrawalReason[notice.withdrawal.reason] : "";
    rows.push({ at: notice.withdrawal.at, what: n.withdrawnEvent(reason), who: n.kriminalvarden });
  }
  rows.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{n.history}</h2>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{n.historyWhen}</th>
            <th scope="col">{n.historyWhat}</th>
            <th scope="col">{n.historyWho}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.at}|${row.what}`}>
              <td data-label={n.historyWhen}>{formatDateTime(row.at)}</td>
              <td data-label={n.historyWhat}>{row.what}</td>
              <td data-label={n.historyWho}>{row.who || t.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{n.historyNote}</p>
    </section>
  );
};

export const NoticePage = ({ noticeId, canManage }: { noticeId: string; canManage: boolean }) => {
  const { loaded, reload, replace } = useLoad((signal) => readNotice(noticeId, signal), noticeId);
  const n = t.notice;
  return (
    <Page
      title={n.titleOf(noticeId)}
      actions={
        <>
          <a href={href("/frigivningar")}>{n.back}</a>{" "}
          <button type="button" onClick={reload}>
            {t.reload}
          </button>
        </>
      }
    >
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <>
          <Facts notice={loaded.data} />
          <section aria-labelledby="milestones-title">
            <h2 id="milestones-title">{n.milestones}</h2>
            {loaded.data.milestones.length === 0 ? <p>{n.noMilestones}</p> : null}
            {canManage ? <RecordMilestone notice={loaded.data} onSaved={replace} /> : null}
          </section>
          <History notice={loaded.data} />
        </>
      ) : null}
    </Page>
  );
};
