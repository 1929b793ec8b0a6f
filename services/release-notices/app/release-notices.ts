import type { ReleaseNoticesDeps } from "../deps";
import { noticeTable } from "../store/notice-table";
import type { AppDeps } from "./context";

/**
 * The notice use cases' dependencies, built once per container. A handler calls its own use case
 * on them (receive-notice.ts, change-notice.ts, …), not an object of all of them: its bundle then
 * holds only its own use case's rules and event contracts.
 */
export const appDepsOf = (deps: ReleaseNoticesDeps): AppDeps => ({
  table: noticeTable(deps),
  keys: deps.keys,
  clock: deps.clock,
  logger: deps.logger,
  metrics: deps.metrics,
  settings: deps.settings,
});
