import { useEffect, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { problemsFor } from "../../api/problem";
import { NOTICE_STATUSES, type NoticeList, type NoticeStatus, type NoticeSummary } from "../../api/types";
import { ToneBadge } from "../../components/deadline";
import { TextField } from "../../components/fields";
import { Page } from "../../components/page";
import { Loading, ProblemNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { formatDate } from "../../format";
import { useLoad } from "../../hooks";
import { t } from "../../i18n";
import { href, navigate } from "../../router";

interface NoticeFilters {
  readonly status: NoticeStatus | undefined;
  readonly releaseFrom: string;
  readonly releaseTo: string;
}

const readFilters = (query: URLSearchParams): NoticeFilters => ({
  status: NOTICE_STATUSES.find((s) => s === query.get("status")),
  releaseFrom: query.get("fran") ?? "",
  releaseTo: query.get("till") ?? "",
});

const toQuery = (filters: NoticeFilters): URLSearchParams => {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.releaseFrom) query.set("fran", filters.releaseFrom);
  if (filters.releaseTo) query.set("till", filters.releaseTo);
  return query;
};

/** The API's query: the dates as typed, so that a malformed one comes back as the API's 400 on its field. */
const apiQuery = (filters: NoticeFilters, cursor: string | undefined) => ({
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.releaseFrom ? { releaseFrom: filters.releaseFrom } : {}),
  ...(filters.releaseTo ? { releaseTo: filters.releaseTo } : {}),
  ...(cursor ? { cursor } : {}),
});

const Filters = ({
  filters,
  problem,
}: {
  filters: NoticeFilters;
  problem: Parameters<typeof problemsFor>[0];
}) => {
  const [draft, setDraft] = useState(filters);
  // `filters` is read from the address on every render (a new object each time): reset the
  // draft only when the address changed, not when a load finishing re-renders the page.
  const asked = toQuery(filters).toString();
  useEffect(() => setDraft(filters), [asked]);
  const n = t.notices;
  return (
    <form
      class="filters"
      aria-label={n.filters}
      onSubmit={(event) => {
        event.preventDefault();
        navigate("/frigivningar", toQuery(draft));
      }}
    >
      <Select
        id="filter-status"
        label={n.status}
        value={draft.status}
        options={NOTICE_STATUSES}
        labelOf={(s) => t.noticeStatus[s]}
        empty={n.any}
        onChange={(status) => setDraft({ ...draft, status })}
        problems={problemsFor(problem, "status")}
      />
      <TextField
        id="filter-from"
        label={n.releaseFrom}
        hint={n.dateHint}
        value={draft.releaseFrom}
        onInput={(releaseFrom) => setDraft({ ...draft, releaseFrom })}
        problems={problemsFor(problem, "releaseFrom")}
      />
      <TextField
        id="filter-to"
        label={n.releaseTo}
        hint={n.dateHint}
        value={draft.releaseTo}
        onInput={(releaseTo) => setDraft({ ...draft, releaseTo })}
        problems={problemsFor(problem, "releaseTo")}
      />
      <button type="submit" class="primary">
        {n.apply}
      </button>
    </form>
  );
};

const DEADLINE_TONE = { open: "soon", met: "done", breached: "overdue" } as const;

export const DeadlineState = ({ deadline }: { deadline: NoticeSummary["planDeadline"] }) => (
  <span class="time-left">
    <span class={`badge tone-${DEADLINE_TONE[deadline.state]}`}>{t.deadlineState[deadline.state]}</span>{" "}
    <time dateTime={deadline.dueDate}>{formatDate(deadline.dueDate)}</time>
  </span>
);

export const LeadTime = ({ notice }: { notice: Pick<NoticeSummary, "onTime" | "leadDays"> }) =>
  notice.onTime ? (
    <span>{t.notices.onTime(notice.leadDays)}</span>
  ) : (
    <span class="late">
      <ToneBadge tone="urgent" /> {t.notices.late(notice.leadDays)}
    </span>
  );

const Row = ({ notice }: { notice: NoticeSummary }) => {
  const c = t.notices.columns;
  return (
    <tr>
      <td data-label={c.release}>
        <time dateTime={notice.expectedReleaseDate}>{formatDate(notice.expectedReleaseDate)}</time>
        <br />
        <LeadTime notice={notice} />
      </td>
      <td data-label={c.notice}>
        <a href={href(`/frigivningar/${encodeURIComponent(notice.noticeId)}`)}>{notice.noticeId}</a>
        <br />
        <span class="hint">{notice.institution}</span>
      </td>
      <td data-label={c.deadline}>
        <DeadlineState deadline={notice.planDeadline} />
      </td>
      <td data-label={c.reminders}>{t.notices.reminders(notice.planDeadline.remindersSent)}</td>
      <td data-label={c.status}>{t.noticeStatus[notice.status]}</td>
    </tr>
  );
};

const Results = ({
  page,
  cursors,
  setCursors,
}: {
  page: NoticeList;
  cursors: readonly string[];
  setCursors: (c: readonly string[]) => void;
}) => {
  const n = t.notices;
  const c = n.columns;
  const { cursor } = page;
  return (
    <>
      {page.items.length === 0 ? (
        <p class="notice notice-info">{n.empty}</p>
      ) : (
        <table class="stack">
          <caption>{n.caption(page.items.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.release}</th>
              <th scope="col">{c.notice}</th>
              <th scope="col">{c.deadline}</th>
              <th scope="col">{c.reminders}</th>
              <th scope="col">{c.status}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((notice) => (
              <Row key={notice.id} notice={notice} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={n.paging}>
        {cursors.length > 0 ? (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {n.previous}
          </button>
        ) : null}
        <span>{n.page(cursors.length + 1)}</span>
        {cursor ? (
          <button type="button" onClick={() => setCursors([...cursors, cursor])}>
            {n.next}
          </button>
        ) : null}
      </nav>
    </>
  );
};

export const NoticesPage = ({ query }: { query: URLSearchParams }) => {
  const filters = readFilters(query);
  const key = toQuery(filters).toString();
  const [paging, setPaging] = useState<{ key: string; cursors: readonly string[] }>({ key, cursors: [] });
  const cursors = paging.key === key ? paging.cursors : [];
  const cursor = cursors[cursors.length - 1];
  const { loaded, reload } = useLoad(
    (signal) =>
      unwrap(api.GET("/v1/release-notices", { params: { query: apiQuery(filters, cursor) }, signal })),
    `${key}|${cursor ?? ""}`,
  );
  const problem = loaded.state === "failed" ? loaded.problem : undefined;
  return (
    <Page
      title={t.notices.title}
      lead={t.notices.lead}
      actions={
        <button type="button" onClick={reload}>
          {t.reload}
        </button>
      }
    >
      <Filters filters={filters} problem={problem} />
      {loaded.state === "loading" ? <Loading /> : null}
      {problem ? <ProblemNotice problem={problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <Results
          page={loaded.data}
          cursors={cursors}
          setCursors={(next) => setPaging({ key, cursors: next })}
        />
      ) : null}
    </Page>
  );
};
