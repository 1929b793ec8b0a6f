import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import { settingsReader } from "./store/settings";

export interface IntakeDeps extends ServiceDeps {
  readonly settingsTableName: string;
  /** The settings in force for a municipality on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig): IntakeDeps => {
  const base = createServiceDeps("intake", runtime);
  return {
    ...base,
    settingsTableName: runtime.settingsTableName,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
  };
};
