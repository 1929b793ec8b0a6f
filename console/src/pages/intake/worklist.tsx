import { useEffect, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { KINDS, type ReferralPage, type ReferralSummary, STATUSES, UNITS } from "../../api/types";
import type { Claims } from "../../auth/session";
import { TimeLeft } from "../../components/deadline";
import { Page } from "../../components/page";
import { Loading, ProblemNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { formatDateTime } from "../../format";
import { useLoad, useNow } from "../../hooks";
import { t } from "../../i18n";
import {
  filtersToQuery,
  nextDeadline,
  orderWorklist,
  readFilters,
  type WorklistFilters,
  worklistQuery,
} from "../../intake/worklist";
import { href, navigate } from "../../router";

const OVERDUE = ["ja", "nej"] as const;

const FilterForm = ({ filters }: { filters: WorklistFilters }) => {
  const [draft, setDraft] = useState(filters);
  // `filters` is read from the address on every render (a new object each time): reset the
  // draft only when the address changed, not when a load finishing re-renders the page.
  const asked = filtersToQuery(filters).toString();
  useEffect(() => setDraft(filters), [asked]);
  const submit = (event: Event) => {
    event.preventDefault();
    navigate("/arbetslista", filtersToQuery(draft));
  };
  return (
    <form class="filters" onSubmit={submit} aria-label={t.worklist.filters}>
      <Select
        id="filter-unit"
        label={t.worklist.unit}
        value={draft.unit}
        options={UNITS}
        labelOf={(u) => t.referral.unit[u]}
        empty={t.worklist.any}
        onChange={(unit) => setDraft({ ...draft, unit })}
      />
      <Select
        id="filter-kind"
        label={t.worklist.kind}
        value={draft.kind}
        options={KINDS}
        labelOf={(k) => t.referral.kind[k]}
        empty={t.worklist.any}
        onChange={(kind) => setDraft({ ...draft, kind })}
      />
      <Select
        id="filter-status"
        label={t.worklist.status}
        value={draft.status}
        options={STATUSES}
        labelOf={(s) => t.referral.status[s]}
        empty={t.worklist.any}
        onChange={(status) => setDraft({ ...draft, status })}
      />
      <Select
        id="filter-overdue"
        label={t.worklist.overdue}
        value={draft.overdue === undefined ? undefined : draft.overdue ? "ja" : "nej"}
        options={OVERDUE}
        labelOf={(o) => (o === "ja" ? t.worklist.overdueOnly : t.worklist.notOverdue)}
        empty={t.worklist.any}
        onChange={(o) => setDraft({ ...draft, overdue: o === undefined ? undefined : o === "ja" })}
      />
      <div class="field">
        <label class="choice" for="filter-mine">
          <input
            id="filter-mine"
            type="checkbox"
            checked={draft.mine}
            onChange={(event) => setDraft({ ...draft, mine: event.currentTarget.checked })}
          />
          {t.worklist.mine}
        </label>
      </div>
      <button type="submit" class="primary">
        {t.worklist.apply}
      </button>
    </form>
  );
};

const Row = ({ referral, now }: { referral: ReferralSummary; now: number }) => {
  const next = nextDeadline(referral);
  const c = t.worklist.columns;
  return (
    <tr>
      <td data-label={c.next}>
        {next ? (
          <>
            <span class="deadline-type">{t.referral.deadline[next.type]}</span>
            <br />
            <TimeLeft dueAt={next.dueAt} now={now} />
          </>
        ) : (
          t.worklist.noDeadline
        )}
      </td>
      <td data-label={c.kind}>
        <a href={href(`/arenden/${encodeURIComponent(referral.id)}`)}>{t.referral.kind[referral.kind]}</a>
        <br />
        <span class="hint">{t.referral.ageGroup[referral.ageGroup]}</span>
      </td>
      <td data-label={c.unit}>{t.referral.unit[referral.unit]}</td>
      <td data-label={c.received}>{formatDateTime(referral.receivedAt)}</td>
      <td data-label={c.status}>{t.referral.status[referral.status]}</td>
      <td data-label={c.assignee}>{referral.assignee ?? t.worklist.unassigned}</td>
    </tr>
  );
};

interface ResultsProps {
  readonly page: ReferralPage;
  readonly filters: WorklistFilters;
  readonly subject: string;
  readonly cursors: readonly string[];
  readonly setCursors: (cursors: readonly string[]) => void;
}

const Results = ({ page, filters, subject, cursors, setCursors }: ResultsProps) => {
  const now = useNow(30_000);
  const rows = orderWorklist(page.items, filters, subject);
  const c = t.worklist.columns;
  const { cursor } = page;
  return (
    <>
      {rows.length === 0 ? (
        <p class="notice notice-info">{t.worklist.empty}</p>
      ) : (
        <table class="stack">
          <caption>{t.worklist.caption(rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.next}</th>
              <th scope="col">{c.kind}</th>
              <th scope="col">{c.unit}</th>
              <th scope="col">{c.received}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.assignee}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((referral) => (
              <Row key={referral.id} referral={referral} now={now} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t.worklist.paging}>
        {cursors.length > 0 ? (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t.worklist.previous}
          </button>
        ) : null}
        <span>{t.worklist.page(cursors.length + 1)}</span>
        {cursor ? (
          <button type="button" onClick={() => setCursors([...cursors, cursor])}>
            {t.worklist.next}
          </button>
        ) : null}
      </nav>
    </>
  );
};

export const WorklistPage = ({ query, claims }: { query: URLSearchParams; claims: Claims }) => {
  const filters = readFilters(query);
  const key = filtersToQuery(filters).toString();
  // The cursors that led to this page, for these filters; the API's cursors only go forward, and
  // other filters start from the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: readonly string[] }>({ key, cursors: [] });
  const cursors = paging.key === key ? paging.cursors : [];
  const setCursors = (next: readonly string[]) => setPaging({ key, cursors: next });
  const cursor = cursors[cursors.length - 1];
  const { loaded, reload } = useLoad(
    (signal) =>
      unwrap(
        api.GET("/v1/referrals", { params: { query: worklistQuery(filters, cursor, claims.sub) }, signal }),
      ),
    `${key}|${cursor ?? ""}`,
  );
  return (
    <Page
      title={t.worklist.title}
      lead={t.worklist.lead}
      actions={
        <button type="button" onClick={reload}>
          {t.reload}
        </button>
      }
    >
      <FilterForm filters={filters} />
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <Results
          page={loaded.data}
          filters={filters}
          subject={claims.sub}
          cursors={cursors}
          setCursors={setCursors}
        />
      ) : null}
    </Page>
  );
};
