/**
 * Every service's audit route, one entry each: a service that adds its route adds an entry here,
 * and the page, its filters and the CSV take it from there. Every route filters by person and
 * period itself (`actor`, `from`, `to`; dates in Swedish time, as the page asks for them).
 */
import { api, unwrap } from "../api/client";
import { t } from "../i18n";
import { auditActionWords } from "../intake/audit-words";
import { hotlineActionWords } from "./hotline-words";
import { releaseActionWords } from "./release-words";
import { taskActionWords } from "./task-words";
import type { AuditFilter, AuditSource } from "./trail";

/** The person and period asked for, as every audit route takes them; the cursor to continue. */
const narrowed = (filter: AuditFilter, cursor: string | undefined) => ({
  ...(filter.actor?.trim() ? { actor: filter.actor.trim() } : {}),
  ...(filter.from ? { from: filter.from } : {}),
  ...(filter.to ? { to: filter.to } : {}),
  ...(cursor ? { cursor } : {}),
});

const s = t.auditTrail.sources;
const r = t.auditTrail.records;

export const AUDIT_SOURCES: readonly AuditSource[] = [
  {
    id: "arenden",
    label: s.referrals,
    recordLabel: r.referral,
    recordField: "referral",
    filtersOnServer: true,
    page: (filter, cursor, signal) =>
      unwrap(
        api.GET("/v1/audit", {
          params: { query: { referral: filter.record, ...narrowed(filter, cursor) } },
          signal,
        }),
      ),
    actionWords: auditActionWords,
  },
  {
    id: "frigivningar",
    label: s.releaseNotices,
    recordLabel: r.notice,
    recordField: "notice",
    filtersOnServer: true,
    page: (filter, cursor, signal) =>
      unwrap(
        api.GET("/v1/release-notices/audit", {
          params: { query: { notice: filter.record, ...narrowed(filter, cursor) } },
          signal,
        }),
      ),
    actionWords: releaseActionWords,
  },
  {
    id: "triageringar",
    label: s.triages,
    recordLabel: r.triage,
    recordField: "triage",
    filtersOnServer: true,
    page: (filter, cursor, signal) =>
      unwrap(
        api.GET("/v1/hotline/audit", {
          params: { query: { triage: filter.record, ...narrowed(filter, cursor) } },
          signal,
        }),
      ),
    actionWords: hotlineActionWords,
  },
  {
    id: "jourschema",
    label: s.schedules,
    recordLabel: r.schedule,
    recordField: "schedule",
    filtersOnServer: true,
    page: (filter, cursor, signal) =>
      unwrap(
        api.GET("/v1/hotline/audit", {
          params: { query: { schedule: filter.record, ...narrowed(filter, cursor) } },
          signal,
        }),
      ),
    actionWords: hotlineActionWords,
  },
  {
    id: "uppgifter",
    label: s.tasks,
    recordLabel: r.task,
    recordField: "task",
    filtersOnServer: true,
    page: (filter, cursor, signal) =>
      unwrap(
        api.GET("/v1/audit", {
          params: { query: { task: filter.record, ...narrowed(filter, cursor) } },
          signal,
        }),
      ),
    actionWords: taskActionWords,
  },
];

export const findSource = (id: string | null): AuditSource | undefined =>
  AUDIT_SOURCES.find((s) => s.id === id);
