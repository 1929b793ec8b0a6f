import { orThrow } from "../../../shared/domain/errors";
import type { ListQuery } from "../contract-list";
import { reachableBySender, reachableByStaff, readerOf, staffMunicipality } from "../domain/access";
import type { Notice } from "../domain/notice";
import { checkReleaseRange, invalidCursor } from "../domain/notice-input";
import type { AppDeps, RequestContext } from "./context";
import { toFullView, toStatusView, toSummaryView } from "./views";

const auditSubject = (notice: Notice) => ({
  noticeId: notice.noticeId,
  municipality: notice.municipality,
  releaseDate: notice.expectedReleaseDate,
  updatedAt: notice.updatedAt,
});

/** GET one: Kriminalvården sees the status; the municipality's staff see the notice; nobody else sees it exists. */
export const readNotice = async (deps: AppDeps, noticeId: string, context: RequestContext) => {
  const reader = orThrow(readerOf(context.caller));
  const now = deps.clock.now();
  const read = await deps.table.read(noticeId);
  const fact = (action: string) => ({ action, actor: context.caller.subject, at: now });
  if (reader.kind === "staff") {
    const notice = orThrow(reachableByStaff(read?.notice, reader.municipality));
    const keys = await deps.keys.get();
    await deps.table.auditRead(auditSubject(notice), fact("read"), context.correlationId);
    return toFullView(notice, keys, now);
  }
  const notice = orThrow(reachableBySender(read?.notice, context.caller));
  await deps.table.auditRead(auditSubject(notice), fact("read-status"), context.correlationId);
  return toStatusView(notice);
};

/** GET the list: the municipality's notices by release date, each one shown audited as a read. */
export const listNotices = async (deps: AppDeps, query: ListQuery, context: RequestContext) => {
  const municipality = orThrow(staffMunicipality(context.caller));
  const now = deps.clock.now();
  const startKey = deps.table.resumeFrom(municipality, query.cursor, query.status);
  if (startKey === "invalid") throw invalidCursor();
  orThrow(checkReleaseRange(query.releaseFrom, query.releaseTo));
  const page = await deps.table.listPage({
    municipality,
    ...(query.status ? { status: query.status } : {}),
    ...(query.releaseFrom ? { releaseFrom: query.releaseFrom } : {}),
    ...(query.releaseTo ? { releaseTo: query.releaseTo } : {}),
    limit: query.limit,
    startKey,
  });
  const notices = page.notices.map((read) => read.notice);
  // A list shows needs (addiction, mental health, threat): each notice shown is a read, audited.
  await deps.table.auditReads(
    notices.map(auditSubject),
    { action: "list", actor: context.caller.subject, at: now },
    context.correlationId,
  );
  return {
    items: notices.map((notice) => toSummaryView(notice, now)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
};
