import { useEffect, useState } from "preact/hooks";
import { findMunicipality } from "../../../../shared/municipalities";
import { api, unwrap } from "../../api/client";
import { type Problem, problemsFor } from "../../api/problem";
import type { MetricCatalogue, PilotReport, RateCell } from "../../api/types";
import { TextField } from "../../components/fields";
import { Page } from "../../components/page";
import { FieldErrors, Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { saveText } from "../../download";
import { formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { choiceToQuery, PILOT, type ReportChoice, readChoice, reportQuery } from "../../reports/query";
import { navigate } from "../../router";
import { Cell } from "./cells";
import { LineChart } from "./chart";

const CHOOSABLE = [...PILOT, "0180", "0127"];
const nameOf = (code: string) => findMunicipality(code)?.name ?? code;

const ChoiceForm = ({
  choice,
  own,
  problem,
}: {
  choice: ReportChoice;
  own: string | undefined;
  problem: Problem | undefined;
}) => {
  const [draft, setDraft] = useState(choice);
  const [refused, setRefused] = useState(false);
  // The parent reads the choice from the address on every render, so it is a new object each
  // time: reset the draft only when the address's choice really changed, or a load finishing
  // in the background would undo a box the user has just ticked.
  const asked = choiceToQuery(choice).toString();
  useEffect(() => setDraft(choice), [asked]);
  const r = t.reports;
  const chosen = draft.municipalities === "pilot" ? [] : draft.municipalities;
  const submit = (event: Event) => {
    event.preventDefault();
    if (draft.municipalities !== "pilot" && draft.municipalities.length === 0) return setRefused(true);
    setRefused(false);
    navigate("/rapporter", choiceToQuery(draft));
  };
  const municipalityProblems = [
    ...problemsFor(problem, "municipality"),
    ...(refused ? [{ path: "municipality", message: "is required" }] : []),
  ];
  return (
    <form class="filters" aria-label={r.choose} onSubmit={submit}>
      {own ? (
        <p>{r.own(nameOf(own))}</p>
      ) : (
        <fieldset
          class="wide"
          aria-describedby={municipalityProblems.length > 0 ? "municipalities-error" : undefined}
        >
          <legend>{r.which}</legend>
          <label class="choice">
            <input
              type="radio"
              name="which"
              checked={draft.municipalities === "pilot"}
              onChange={() => setDraft((d) => ({ ...d, municipalities: "pilot" }))}
            />
            {r.pilot}
          </label>
          {CHOOSABLE.map((code) => (
            <label class="choice" key={code}>
              <input
                type="checkbox"
                checked={chosen.includes(code)}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setDraft((d) => {
                    const before = d.municipalities === "pilot" ? [] : d.municipalities;
                    const next = checked ? [...before, code] : before.filter((c) => c !== code);
                    return { ...d, municipalities: next };
                  });
                }}
              />
              {`${nameOf(code)} (${code})`}
            </label>
          ))}
          <FieldErrors id="municipalities" problems={municipalityProblems} />
        </fieldset>
      )}
      <TextField
        id="report-from"
        label={r.from}
        hint={r.monthHint}
        value={draft.from}
        inputMode="numeric"
        onInput={(from) => setDraft((d) => ({ ...d, from }))}
        problems={problemsFor(problem, "from")}
      />
      <TextField
        id="report-to"
        label={r.to}
        hint={r.monthHint}
        value={draft.to}
        inputMode="numeric"
        onInput={(to) => setDraft((d) => ({ ...d, to }))}
        problems={problemsFor(problem, "to")}
      />
      <button type="submit" class="primary">
        {r.show}
      </button>
    </form>
  );
};

/** The report as JSON: the route answers CSV too, but only when asked for it. */
const readReport = async (choice: ReportChoice, signal: AbortSignal): Promise<PilotReport> => {
  const report = await unwrap(
    api.GET("/v1/reports/pilot", { params: { query: reportQuery(choice) }, signal }),
  );
  if (typeof report === "string") throw new Error("The pilot report came as text where JSON was asked for");
  return report;
};

const Downloads = ({ choice }: { choice: ReportChoice }) => {
  const { outcome, run } = useAction();
  const r = t.reports;
  const name = `pilotrapport-${choice.from}-${choice.to}`;
  const download = async (format: "csv" | "json") => {
    const text = await run(() =>
      unwrap(
        api.GET("/v1/reports/pilot", {
          params: { query: { ...reportQuery(choice), format } },
          parseAs: "text",
        }),
      ),
    );
    if (text !== undefined) {
      saveText(text, format === "csv" ? "text/csv;charset=utf-8" : "application/json", `${name}.${format}`);
    }
  };
  return (
    <div class="page-actions">
      <button type="button" onClick={() => download("csv")} disabled={outcome.state === "pending"}>
        {r.csv}
      </button>
      <button type="button" onClick={() => download("json")} disabled={outcome.state === "pending"}>
        {r.json}
      </button>
      <OutcomeNotice outcome={outcome} />
    </div>
  );
};

interface Figure {
  readonly id: string;
  readonly sv: string;
  readonly en: string;
  readonly definition: string | undefined;
  readonly rate: boolean;
}

const FigureSection = ({ figure, report }: { figure: Figure; report: PilotReport }) => {
  const r = t.reports;
  const months = report.municipalities[0]?.months.map((m) => m.month) ?? [];
  const cellOf = (code: string, month: string): RateCell | undefined => {
    const row = report.municipalities.find((m) => m.code === code)?.months.find((m) => m.month === month);
    return figure.rate ? row?.rates[figure.id] : row?.metrics[figure.id];
  };
  const series = report.municipalities.map((m) => ({
    label: m.name,
    values: months.map((month) => {
      const cell = cellOf(m.code, month);
      return cell && !cell.suppressed ? cell.value : null;
    }),
  }));
  const headingId = `figure-${figure.id}`;
  return (
    <section class="report-metric" aria-labelledby={headingId}>
      <h3 id={headingId}>{figure.sv}</h3>
      <p class="hint">
        {r.englishTitle}: <span lang="en">{figure.en}</span>
      </p>
      {figure.definition ? (
        <details>
          <summary>{r.definition}</summary>
          <p>{figure.definition}</p>
        </details>
      ) : null}
      <table class="stack">
        <caption class="visually-hidden">{r.caption(figure.sv)}</caption>
        <thead>
          <tr>
            <th scope="col">{r.month}</th>
            {report.municipalities.map((m) => (
              <th scope="col" key={m.code}>
                {m.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              {report.municipalities.map((m) => (
                <td key={m.code} data-label={m.name}>
                  <Cell
                    cell={cellOf(m.code, month)}
                    threshold={report.suppressionThreshold}
                    rate={figure.rate}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <LineChart title={figure.sv} months={months} series={series} />
    </section>
  );
};

const Report = ({
  report,
  catalogue,
  choice,
}: {
  report: PilotReport;
  catalogue: MetricCatalogue;
  choice: ReportChoice;
}) => {
  const r = t.reports;
  const metrics: Figure[] = catalogue.metrics.map((m) => ({
    id: m.id,
    sv: m.title.sv,
    en: m.title.en,
    definition: m.definition,
    rate: false,
  }));
  const rates: Figure[] = catalogue.rates.map((m) => ({
    id: m.id,
    sv: m.title.sv,
    en: m.title.en,
    definition: undefined,
    rate: true,
  }));
  return (
    <>
      <p>{r.generated(formatDateTime(report.generatedAt), report.suppressionThreshold)}</p>
      <Downloads choice={choice} />
      <h2>{r.metrics}</h2>
      {metrics.map((figure) => (
        <FigureSection key={figure.id} figure={figure} report={report} />
      ))}
      <h2>{r.rates}</h2>
      {rates.map((figure) => (
        <FigureSection key={figure.id} figure={figure} report={report} />
      ))}
    </>
  );
};

export const ReportsPage = ({ query, own }: { query: URLSearchParams; own: string | undefined }) => {
  const choice = readChoice(query, new Date(), own);
  const key = choiceToQuery(choice).toString();
  const { loaded, reload } = useLoad(
    (signal) =>
      Promise.all([readReport(choice, signal), unwrap(api.GET("/v1/reports/pilot/metrics", { signal }))]),
    key,
  );
  const problem = loaded.state === "failed" ? loaded.problem : undefined;
  return (
    <Page title={t.reports.title} lead={t.reports.lead}>
      <ChoiceForm choice={choice} own={own} problem={problem} />
      {loaded.state === "loading" ? <Loading /> : null}
      {problem ? <ProblemNotice problem={problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <Report report={loaded.data[0]} catalogue={loaded.data[1]} choice={choice} />
      ) : null}
    </Page>
  );
};
