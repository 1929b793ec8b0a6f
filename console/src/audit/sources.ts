/**
 * Every service's audit route, one entry each: a service that adds its route adds an entry here,
 * and the page, its filters and the CSV take it from there.
 */
import { api, unwrap } from "../api/client";
import { t } from "../i18n";
import { auditActionWords } from "../intake/audit-words";
import type { AuditSource } from "./trail";

export const AUDIT_SOURCES: readonly AuditSource[] = [
  {
    id: "arenden",
    label: t.auditTrail.sources.referrals,
    recordLabel: t.auditTrail.records.referral,
    recordField: "referral",
    filtersOnServer: false,
    page: (filter, cursor, signal) =>
      unwrap(
        api.GET("/v1/audit", {
          params: { query: { referral: filter.record, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    actionWords: auditActionWords,
  },
];

export const findSource = (id: string | null): AuditSource | undefined =>
  AUDIT_SOURCES.find((s) => s.id === id);
