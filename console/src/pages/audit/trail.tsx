import { useEffect, useState } from "preact/hooks";
import { type Problem, problemsFor } from "../../api/problem";
import { AUDIT_SOURCES, findSource } from "../../audit/sources";
import { type AuditFilter, type AuditRow, type AuditSource, readTrail, trailCsv } from "../../audit/trail";
import { TextField } from "../../components/fields";
import { Page } from "../../components/page";
import { Loading, ProblemNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { saveText } from "../../download";
import { formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { navigate } from "../../router";

const a = t.auditTrail;
const PATH = "/granskning";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Asked extends AuditFilter {
  readonly source: AuditSource;
}

const readAsked = (query: URLSearchParams): Asked | undefined => {
  const source = findSource(query.get("kalla")) ?? AUDIT_SOURCES[0];
  if (!source) return undefined;
  const optional = (key: string) => query.get(key)?.trim() || undefined;
  return {
    source,
    record: query.get("post")?.trim() ?? "",
    actor: optional("vem"),
    from: optional("fran"),
    to: optional("till"),
  };
};

const toQuery = (asked: Asked): URLSearchParams => {
  const query = new URLSearchParams({ kalla: asked.source.id, post: asked.record.trim() });
  if (asked.actor?.trim()) query.set("vem", asked.actor.trim());
  if (asked.from) query.set("fran", asked.from);
  if (asked.to) query.set("till", asked.to);
  return query;
};

const SearchForm = ({ asked, problem }: { asked: Asked; problem: Problem | undefined }) => {
  const [draft, setDraft] = useState(asked);
  const key = toQuery(asked).toString();
  // A new address is a new search; a background load must not undo what is being typed.
  useEffect(() => setDraft(asked), [key]);
  const { outcome, reject, reset } = useAction();
  const own = outcome.state === "failed" ? outcome.problem : undefined;
  const fieldProblems = (field: string) => [...problemsFor(own, field), ...problemsFor(problem, field)];
  const submit = (event: Event) => {
    event.preventDefault();
    const fields = [
      ...(draft.record.trim() ? [] : [{ path: draft.source.recordField, message: "is required" }]),
      ...(draft.from && !DATE.test(draft.from)
        ? [{ path: "from", message: "must be a date (YYYY-MM-DD)" }]
        : []),
      ...(draft.to && !DATE.test(draft.to) ? [{ path: "to", message: "must be a date (YYYY-MM-DD)" }] : []),
      ...(draft.from && draft.to && draft.to < draft.from
        ? [{ path: "to", message: "must not be before from" }]
        : []),
    ];
    if (fields.length > 0) return reject(fields);
    reset();
    navigate(PATH, toQuery(draft));
  };
  const edit = (change: Partial<Asked>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <form class="filters" aria-label={a.filters} noValidate onSubmit={submit}>
      {AUDIT_SOURCES.length > 1 ? (
        <Select
          id="audit-source"
          label={a.source}
          value={draft.source.id}
          options={AUDIT_SOURCES.map((s) => s.id)}
          labelOf={(id) => findSource(id)?.label ?? id}
          onChange={(id) => edit({ source: findSource(id ?? null) ?? draft.source })}
        />
      ) : null}
      <TextField
        id="audit-record"
        label={draft.source.recordLabel}
        value={draft.record}
        onInput={(record) => edit({ record })}
        required
        problems={fieldProblems(draft.source.recordField)}
      />
      <TextField
        id="audit-actor"
        label={a.actor}
        value={draft.actor ?? ""}
        onInput={(actor) => edit({ actor })}
        problems={fieldProblems("actor")}
      />
      <TextField
        id="audit-from"
        label={a.from}
        type="date"
        value={draft.from ?? ""}
        onInput={(from) => edit({ from })}
        problems={fieldProblems("from")}
      />
      <TextField
        id="audit-to"
        label={a.to}
        type="date"
        value={draft.to ?? ""}
        onInput={(to) => edit({ to })}
        problems={fieldProblems("to")}
      />
      <button type="submit" class="primary">
        {a.show}
      </button>
    </form>
  );
};

const Trail = ({ asked, rows }: { asked: Asked; rows: readonly AuditRow[] }) => {
  const c = a.columns;
  const download = () =>
    saveText(
      trailCsv(asked.source, asked.record, rows),
      "text/csv;charset=utf-8",
      `granskning-${asked.record}.csv`,
    );
  return (
    <>
      <div class="row-actions">
        <button type="button" onClick={download}>
          {a.download}
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="notice notice-info">{a.none}</p>
      ) : (
        <table class="stack">
          <caption>{a.caption(rows.length, asked.record)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.at}</th>
              <th scope="col">{c.actor}</th>
              <th scope="col">{c.what}</th>
              <th scope="col">{c.correlationId}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.at}|${row.correlationId}|${row.action}|${row.actor}`}>
                <td data-label={c.at}>{formatDateTime(row.at)}</td>
                <td data-label={c.actor}>{row.actor}</td>
                <td data-label={c.what}>{asked.source.actionWords(row.action)}</td>
                <td data-label={c.correlationId} class="technical">
                  {row.correlationId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

export const AuditTrailPage = ({ query }: { query: URLSearchParams }) => {
  const asked = readAsked(query);
  const key = asked ? toQuery(asked).toString() : "";
  const { loaded, reload } = useLoad(
    async (signal) => (asked?.record ? readTrail(asked.source, asked, signal) : undefined),
    key,
  );
  if (!asked) return null;
  const problem = loaded.state === "failed" ? loaded.problem : undefined;
  return (
    <Page title={a.title} lead={a.lead}>
      <SearchForm asked={asked} problem={problem} />
      {!asked.record ? <p>{a.ask}</p> : null}
      {asked.record && loaded.state === "loading" ? <Loading /> : null}
      {problem ? <ProblemNotice problem={problem} onRetry={reload} /> : null}
      {loaded.state === "ready" && loaded.data ? <Trail asked={asked} rows={loaded.data} /> : null}
    </Page>
  );
};
