import type { Clock } from "../../../shared/clock";
import type { Caller } from "../../../shared/domain/caller";
import type { Logger } from "../../../shared/logger";
import type { KeyRing } from "../../../shared/runtime/keys";
import type { MetricsSink } from "../../../shared/runtime/publish-metric";
import type { SettingsReader } from "../../../shared/settings";
import type { NoticeTable } from "../store/notice-table";

/** Who asks, and the id that ties their request's log lines, audit rows and events together. */
export interface RequestContext {
  readonly caller: Caller;
  readonly correlationId: string;
}

/** What the use cases need: the table (the store), the keys, the clock, logs and metrics. */
export interface AppDeps {
  readonly table: NoticeTable;
  readonly keys: KeyRing;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: MetricsSink;
  /** Each municipality's settings in force on a date (its store, cached a minute). */
  readonly settings: SettingsReader;
}
