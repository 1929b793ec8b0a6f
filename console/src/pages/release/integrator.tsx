import { useState } from "preact/hooks";
import { findMunicipality } from "../../../../shared/municipalities";
import { api, unwrap } from "../../api/client";
import { ApiError, problemsFor } from "../../api/problem";
import type { NoticeStatusView, Subscription } from "../../api/types";
import { TextField } from "../../components/fields";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDate, formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";

const i = t.integrator;

/** Undefined: no receiver is registered (the API's 404 is an answer, not an error). */
const loadSubscription = async (signal: AbortSignal): Promise<Subscription | undefined> => {
  try {
    return await unwrap(api.GET("/v1/release-notices/subscription", { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return undefined;
    throw error;
  }
};

/** A Standard Webhooks secret from the browser's own random source: 32 bytes, base64. */
const newSecret = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
};

const SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

const ReceiverForm = ({
  current,
  onChanged,
}: {
  current: Subscription | undefined;
  onChanged: () => void;
}) => {
  const [url, setUrl] = useState(current?.url ?? "");
  const [secret, setSecret] = useState("");
  const [done, setDone] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const { outcome, run, reject } = useAction();
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(undefined);
    // The API's rules, in its words: a URL, and a secret of the Standard Webhooks form.
    const fields = [
      ...(url.trim() ? [] : [{ path: "url", message: "is required" }]),
      ...(!secret.trim()
        ? [{ path: "secret", message: "is required" }]
        : SECRET.test(secret.trim())
          ? []
          : [{ path: "secret", message: "must be whsec_ and the base64 of 24 to 64 bytes" }]),
    ];
    if (fields.length > 0) return reject(fields);
    const saved = await run(() =>
      unwrap(
        api.PUT("/v1/release-notices/subscription", { body: { url: url.trim(), secret: secret.trim() } }),
      ),
    );
    if (saved) {
      setSecret("");
      setDone(i.registeredOk);
      onChanged();
    }
  };
  const remove = async () => {
    setDone(undefined);
    const removed = await run(() =>
      unwrap(api.DELETE("/v1/release-notices/subscription", {})).then(() => true),
    );
    setConfirming(false);
    if (removed) {
      setDone(i.removed);
      setUrl("");
      onChanged();
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="receiver-form-title" class="card">
      <h3 id="receiver-form-title">{current ? i.replace : i.register}</h3>
      <TextField
        id="receiver-url"
        label={i.url}
        hint={i.urlHint}
        type="url"
        value={url}
        onInput={setUrl}
        required
        problems={problemsFor(problem, "url")}
      />
      <TextField
        id="receiver-secret"
        label={i.secret}
        hint={i.secretHint}
        value={secret}
        onInput={setSecret}
        required
        problems={problemsFor(problem, "secret")}
      />
      <p>
        <button type="button" onClick={() => setSecret(newSecret())}>
          {i.generate}
        </button>
      </p>
      <OutcomeNotice outcome={outcome} />
      <p role="status">{done ?? ""}</p>
      <div class="row-actions">
        <button type="submit" class="primary" disabled={outcome.state === "pending"}>
          {current ? i.replace : i.register}
        </button>
        {current && !confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            {i.remove}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div class="notice notice-info">
          <p>{i.removeConfirm}</p>
          <div class="row-actions">
            <button type="button" onClick={remove} disabled={outcome.state === "pending"}>
              {i.removeYes}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
};

const Receiver = () => {
  const { loaded, reload } = useLoad(loadSubscription, "subscription");
  return (
    <section aria-labelledby="receiver-title">
      <h2 id="receiver-title">{i.receiver}</h2>
      <p class="hint">{i.receiverLead}</p>
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <>
          {loaded.data ? (
            <dl class="facts">
              <dt>{i.registered}</dt>
              <dd>{loaded.data.url}</dd>
              <dt>{i.updatedAt}</dt>
              <dd>{formatDateTime(loaded.data.updatedAt)}</dd>
            </dl>
          ) : (
            <p class="notice notice-info">{i.noReceiver}</p>
          )}
          <ReceiverForm current={loaded.data} onChanged={reload} />
        </>
      ) : null}
    </section>
  );
};

const StatusTable = ({ notices }: { notices: readonly NoticeStatusView[] }) => {
  const c = i.columns;
  return (
    <table class="stack">
      <caption>{i.looked(notices.length)}</caption>
      <thead>
        <tr>
          {[c.notice, c.municipality, c.release, c.status, c.planDue, c.lead, c.updated].map((label) => (
            <th scope="col" key={label}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {notices.map((n) => (
          <tr key={n.noticeId}>
            <th scope="row" data-label={c.notice}>
              {n.noticeId}
            </th>
            <td data-label={c.municipality}>{findMunicipality(n.municipality)?.name ?? n.municipality}</td>
            <td data-label={c.release}>{formatDate(n.expectedReleaseDate)}</td>
            <td data-label={c.status}>{t.noticeStatus[n.status]}</td>
            <td data-label={c.planDue}>{formatDate(n.planDueDate)}</td>
            <td data-label={c.lead}>{n.onTime ? i.onTimeLead(n.leadDays) : i.lateLead(n.leadDays)}</td>
            <td data-label={c.updated}>{formatDateTime(n.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** No route lists a client's notices yet: the integrator asks for each by its id, and sees those asked. */
const StatusLookup = () => {
  const [noticeId, setNoticeId] = useState("");
  const [seen, setSeen] = useState<readonly NoticeStatusView[]>([]);
  const { outcome, run, refuse } = useAction();
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const submit = async (event: Event) => {
    event.preventDefault();
    const id = noticeId.trim();
    if (!id) return refuse(["noticeId"]);
    const read = await run(() =>
      unwrap(api.GET("/v1/release-notices/{noticeId}", { params: { path: { noticeId: id } } })),
    );
    // Kriminalvården's token reads the status view; a full notice is not this page's to show.
    if (read && !("milestones" in read)) {
      setSeen((before) => [read, ...before.filter((n) => n.noticeId !== read.noticeId)]);
    }
  };
  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">{i.lookup}</h2>
      <form noValidate onSubmit={submit} class="filters" aria-labelledby="lookup-title">
        <TextField
          id="noticeId"
          label={i.noticeId}
          hint={i.lookupLead}
          value={noticeId}
          onInput={setNoticeId}
          required
          problems={problemsFor(problem, "noticeId")}
        />
        <button type="submit" class="primary" disabled={outcome.state === "pending"}>
          {i.show}
        </button>
      </form>
      <OutcomeNotice outcome={outcome} />
      {seen.length > 0 ? <StatusTable notices={seen} /> : null}
    </section>
  );
};

export const IntegratorPage = () => (
  <Page title={i.title} lead={i.lead}>
    <Receiver />
    <StatusLookup />
  </Page>
);
