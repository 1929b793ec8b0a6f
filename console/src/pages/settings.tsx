/**
 * Inställningar: the rules the municipality sets for itself (Kommunens administratör, scope
 * `settings:admin`): what is in force today beside each default and its meaning, the changes
 * scheduled, the form that changes them from a date, and the history of every change.
 */
import { findMunicipality } from "../../../shared/municipalities";
import { api, unwrap } from "../api/client";
import { Page } from "../components/page";
import { Loading, ProblemNotice } from "../components/problem";
import { formatDate, formatDateTime } from "../format";
import { useLoad } from "../hooks";
import { t } from "../i18n";
import { changesBetween, SETTING_KEYS, settingValue } from "../settings/draft";
import { settingsBefore, withDefaults } from "../settings/rules";
import type { ChangeView, SettingsView } from "../settings/types";
import { defaultWords, labelOf, meaningOf, valueWords } from "../settings/words";
import { ChangeList, SettingsForm } from "./settings-form";

const Lines = ({ lines }: { lines: readonly string[] }) =>
  lines.length === 1 ? (
    <span>{lines[0]}</span>
  ) : (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );

const InForce = ({ view }: { view: SettingsView }) => {
  const s = t.settings;
  return (
    <section aria-labelledby="settings-in-force">
      <h2 id="settings-in-force">{s.inForce}</h2>
      <p>{view.inForce.since ? s.inForceSince(formatDate(view.inForce.since)) : s.inForceDefaults}</p>
      <table class="stack">
        <caption class="visually-hidden">{s.inForce}</caption>
        <thead>
          <tr>
            <th scope="col">{s.setting}</th>
            <th scope="col">{s.current}</th>
            <th scope="col">{s.defaultValue}</th>
            <th scope="col">{s.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {SETTING_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">{labelOf(key)}</th>
              <td data-label={s.current}>
                <Lines lines={valueWords(key, settingValue(view.inForce.settings, key))} />
              </td>
              <td data-label={s.defaultValue}>
                <Lines lines={defaultWords(key)} />
              </td>
              <td data-label={s.meaning}>{meaningOf(key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

/** Each change against what was in force or scheduled on its date before it was made. */
const changesOf = (history: readonly ChangeView[], change: ChangeView) =>
  changesBetween(
    settingsBefore(history, change.effectiveFrom, change.changedAt),
    withDefaults(change.chosen),
  );

const Scheduled = ({ view, history }: { view: SettingsView; history: readonly ChangeView[] }) => {
  const s = t.settings;
  return (
    <section aria-labelledby="settings-scheduled">
      <h2 id="settings-scheduled">{s.scheduled}</h2>
      {view.scheduled.length === 0 ? <p>{s.scheduledNone}</p> : null}
      {view.scheduled.map((change) => (
        <div key={change.changedAt} class="card">
          <h3>{s.scheduledItem(formatDate(change.effectiveFrom), change.changedBy)}</h3>
          <ChangeList changes={changesOf(history, change)} />
        </div>
      ))}
    </section>
  );
};

/**
 * Whether a change made later replaced this one before its date came, so that it never took
 * effect (a change cannot start in the past, so one made later from an earlier date was made first).
 */
const replacedBefore = (history: readonly ChangeView[], change: ChangeView): boolean =>
  history.some((other) => other.changedAt > change.changedAt && other.effectiveFrom <= change.effectiveFrom);

const History = ({ history }: { history: readonly ChangeView[] }) => {
  const s = t.settings;
  const newestFirst = [...history].reverse();
  return (
    <section aria-labelledby="settings-history">
      <h2 id="settings-history">{s.history}</h2>
      {history.length === 0 ? (
        <p>{s.historyNone}</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">{s.history}</caption>
          <thead>
            <tr>
              <th scope="col">{s.changedAt}</th>
              <th scope="col">{s.changedBy}</th>
              <th scope="col">{s.effectiveFrom}</th>
              <th scope="col">{s.whatChanged}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((change) => {
              const changes = changesOf(history, change);
              return (
                <tr key={`${change.changedAt}-${change.changedBy}`}>
                  <th scope="row">{formatDateTime(change.changedAt)}</th>
                  <td data-label={s.changedBy}>{change.changedBy}</td>
                  <td data-label={s.effectiveFrom}>
                    {formatDate(change.effectiveFrom)}
                    {replacedBefore(history, change) ? <p class="hint">{s.replaced}</p> : null}
                  </td>
                  <td data-label={s.whatChanged}>
                    {changes.length === 0 ? s.nothingChanged : <ChangeList changes={changes} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
};

const loadAll = async (code: string, signal: AbortSignal) => {
  const params = { path: { code } };
  const [view, history] = await Promise.all([
    unwrap(api.GET("/v1/municipalities/{code}/settings", { params, signal })),
    unwrap(api.GET("/v1/municipalities/{code}/settings/history", { params, signal })),
  ]);
  return { view, history: history.items };
};

export const SettingsPage = ({ municipality }: { municipality: string }) => {
  const s = t.settings;
  const { loaded, reload } = useLoad((signal) => loadAll(municipality, signal), municipality);
  const name = findMunicipality(municipality)?.name ?? municipality;
  return (
    <Page title={s.title} lead={s.lead(name)}>
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <>
          <InForce view={loaded.data.view} />
          <Scheduled view={loaded.data.view} history={loaded.data.history} />
          <SettingsForm
            municipality={municipality}
            view={loaded.data.view}
            history={loaded.data.history}
            onSaved={reload}
          />
          <History history={loaded.data.history} />
        </>
      ) : null}
    </Page>
  );
};
