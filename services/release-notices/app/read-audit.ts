/** The auditor's reading of a notice's trail: only a notice of the municipality read for. */
import { type AuditEntry, auditedMunicipality, auditFilterOf } from "../../../shared/audit-read";
import type { NoticeAuditQuery } from "../contract-audit";
import type { ReleaseNoticesDeps } from "../deps";
import { noSuchNotice } from "../domain/access";
import { invalidCursor } from "../domain/notice-input";
import { noticeAuditAccess, readNoticeAuditTrail, storedNoticeMunicipality } from "../store/audit-reads";
import type { RequestContext } from "./context";

/**
 * Built once per container. The notice's municipality is read first: one that is not the municipality's is 404,
 * as on every route, so nobody learns that another municipality's notice exists. Once the notice
 * has expired (its trail is kept longer), the rows that record the municipality are read
 * (shared/audit-read.ts trailAccess). The trail itself is not audited: it holds no personal data.
 */
export const createAuditReader = (deps: ReleaseNoticesDeps) => ({
  async read(
    query: NoticeAuditQuery,
    context: RequestContext,
  ): Promise<{ items: AuditEntry[]; cursor?: string }> {
    const municipality = auditedMunicipality(context.caller, query.municipality);
    const notice = await storedNoticeMunicipality(deps, query.notice);
    const access = await noticeAuditAccess(deps, query.notice, municipality, notice);
    if (!access) throw noSuchNotice();
    const page = await readNoticeAuditTrail(deps, query.notice, {
      limit: query.limit,
      cursor: query.cursor,
      filter: { ...auditFilterOf(query), ...access },
    });
    if (!page.ok) throw invalidCursor();
    return { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
});
