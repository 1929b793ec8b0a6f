import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import type { AuditEntry } from "../../api/types";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { auditActionWords } from "../../intake/audit-words";

/** The audit trail: who did what, reads included, oldest first; `version` reloads it after a write. */
export const History = ({ referralId, version }: { referralId: string; version: number }) => {
  const { loaded, reload } = useLoad(
    (signal) => unwrap(api.GET("/v1/audit", { params: { query: { referral: referralId } }, signal })),
    `${referralId}|${version}`,
  );
  const [more, setMore] = useState<{ items: readonly AuditEntry[]; cursor: string | undefined }>();
  const { outcome, run } = useAction();
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return <ProblemNotice problem={loaded.problem} onRetry={reload} />;
  const items = [...loaded.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : loaded.data.cursor;
  const loadMore = async () => {
    if (!cursor) return;
    const page = await run(() =>
      unwrap(api.GET("/v1/audit", { params: { query: { referral: referralId, cursor } } })),
    );
    if (page) setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.cursor });
  };
  if (items.length === 0) return <p>{t.history.none}</p>;
  return (
    <>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{t.history.when}</th>
            <th scope="col">{t.history.who}</th>
            <th scope="col">{t.history.what}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={`${entry.at}|${entry.correlationId}|${entry.action}`}>
              <td data-label={t.history.when}>{formatDateTime(entry.at)}</td>
              <td data-label={t.history.who}>{entry.actor}</td>
              <td data-label={t.history.what}>{auditActionWords(entry.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OutcomeNotice outcome={outcome} />
      {cursor ? (
        <button type="button" onClick={loadMore} disabled={outcome.state === "pending"}>
          {t.history.more}
        </button>
      ) : null}
    </>
  );
};
