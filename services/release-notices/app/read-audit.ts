/** The auditor's reading of a notice's trail: only a notice of the municipality read for. */
import { type AuditEntry, auditedMunicipality, auditFilterOf } from "../../../shared/audit-trail";
import { orThrow } from "../../../shared/domain/errors";
import type { NoticeAuditQuery } from "../contract-audit";
import type { ReleaseNoticesDeps } from "../deps";
import { reachableByStaff } from "../domain/access";
import { invalidCursor } from "../domain/notice-input";
import { readNoticeAuditTrail } from "../store/audit-reads";
import { noticeTable } from "../store/notice-table";
import type { RequestContext } from "./context";

/**
 * Built once per container. The notice is read first: one that is not the municipality's is 404,
 * as on every route, so nobody learns that another municipality's notice exists. The trail itself
 * is not audited (nor is intake's): it holds no personal data.
 */
export const createAuditReader = (deps: ReleaseNoticesDeps) => {
  const notices = noticeTable(deps);
  return {
    async read(
      query: NoticeAuditQuery,
      context: RequestContext,
    ): Promise<{ items: AuditEntry[]; cursor?: string }> {
      const municipality = auditedMunicipality(context.caller, query.municipality);
      const notice = orThrow(reachableByStaff((await notices.read(query.notice))?.notice, municipality));
      const page = await readNoticeAuditTrail(deps, notice.noticeId, {
        limit: query.limit,
        cursor: query.cursor,
        filter: auditFilterOf(query),
      });
      if (!page.ok) throw invalidCursor();
      return { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
    },
  };
};
