import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { problemsFor } from "../../api/problem";
import { type Caseworker, UNITS, type Unit } from "../../api/types";
import { TextField } from "../../components/fields";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { isFull, suggestedCaseworker } from "../../intake/caseload";
import { navigate } from "../../router";

const CaseworkerTable = ({ caseworkers }: { caseworkers: readonly Caseworker[] }) => {
  const c = t.caseworkers;
  if (caseworkers.length === 0) return <p class="notice notice-info">{c.none}</p>;
  const suggested = suggestedCaseworker(caseworkers);
  return (
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.id}</th>
          <th scope="col">{c.caseload}</th>
        </tr>
      </thead>
      <tbody>
        {caseworkers.map((cw) => (
          <tr key={cw.caseworkerId}>
            <th scope="row" data-label={c.name}>
              {cw.name}
            </th>
            <td data-label={c.id}>{cw.caseworkerId}</td>
            <td data-label={c.caseload}>
              <meter min={0} max={Math.max(cw.capacity, 1)} value={cw.caseload} aria-hidden="true" />{" "}
              {c.load(cw.caseload, cw.capacity)}{" "}
              {isFull(cw) ? <span class="badge tone-urgent">{c.full}</span> : null}
              {suggested?.caseworkerId === cw.caseworkerId ? (
                <span class="badge tone-ok">{c.suggested}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const CaseworkerForm = ({ unit, onSaved }: { unit: Unit; onSaved: () => void }) => {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [capacity, setCapacity] = useState("20");
  const [saved, setSaved] = useState<string>();
  const { outcome, run, refuse } = useAction();
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const c = t.caseworkers;
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(undefined);
    const missing = [
      id.trim() ? "" : "caseworkerId",
      name.trim() ? "" : "name",
      capacity.trim() ? "" : "capacity",
    ];
    if (missing.some(Boolean)) return refuse(missing.filter(Boolean));
    if (!/^\d+$/.test(capacity.trim())) return refuse(["capacity"], "Invalid input: expected int");
    const done = await run(() =>
      unwrap(
        api.PUT("/v1/units/{unit}/caseworkers/{caseworkerId}", {
          params: { path: { unit, caseworkerId: id.trim() } },
          body: { name: name.trim(), capacity: Number(capacity.trim()) },
        }),
      ),
    );
    if (done) {
      setSaved(done.name);
      onSaved();
    }
  };
  return (
    <form noValidate onSubmit={submit} class="card" aria-labelledby="caseworker-form-title">
      <h2 id="caseworker-form-title">{c.add}</h2>
      <TextField
        id="cw-id"
        label={c.id}
        value={id}
        onInput={setId}
        required
        problems={problemsFor(problem, "caseworkerId")}
      />
      <TextField
        id="cw-name"
        label={c.name}
        value={name}
        onInput={setName}
        required
        problems={problemsFor(problem, "name")}
      />
      <TextField
        id="cw-capacity"
        label={c.capacity}
        value={capacity}
        onInput={setCapacity}
        inputMode="numeric"
        required
        problems={problemsFor(problem, "capacity")}
      />
      <OutcomeNotice outcome={outcome} />
      <p role="status">{saved ? c.added(saved) : ""}</p>
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {t.save}
      </button>
    </form>
  );
};

/** Choosing a unit shows it only when asked (a select that navigates on change surprises). */
const UnitForm = ({ unit }: { unit: Unit }) => {
  const [draft, setDraft] = useState<Unit>(unit);
  const submit = (event: Event) => {
    event.preventDefault();
    navigate("/handlaggare", new URLSearchParams({ enhet: draft }));
  };
  return (
    <form class="filters" onSubmit={submit}>
      <Select
        id="caseworkers-unit"
        label={t.worklist.unit}
        value={draft}
        options={UNITS}
        labelOf={(u) => t.referral.unit[u]}
        onChange={(next) => setDraft(next ?? unit)}
      />
      <button type="submit" class="primary">
        {t.worklist.apply}
      </button>
    </form>
  );
};

export const CaseworkersPage = ({ query, canManage }: { query: URLSearchParams; canManage: boolean }) => {
  const unit = UNITS.find((u) => u === query.get("enhet")) ?? "mottag-barn";
  const { loaded, reload } = useLoad(
    (signal) => unwrap(api.GET("/v1/units/{unit}/caseworkers", { params: { path: { unit } }, signal })),
    unit,
  );
  return (
    <Page title={t.caseworkers.title} lead={t.caseworkers.lead}>
      <UnitForm key={unit} unit={unit} />
      <h2>{t.referral.unit[unit]}</h2>
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? <CaseworkerTable caseworkers={loaded.data.items} /> : null}
      {canManage ? <CaseworkerForm unit={unit} onSaved={reload} /> : null}
    </Page>
  );
};
