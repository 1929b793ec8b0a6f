import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import type { TaskMailConfig } from "./mail/config";
import type { Mailer } from "./mail/mailer";
import { settingsReader } from "./store/settings";

export interface TaskMail {
  readonly mailer: Mailer;
  readonly config: TaskMailConfig;
}

export interface IntakeDeps extends ServiceDeps {
  /** How tasks are mailed; undefined: mail is off (no sender configured), the tasks are still made. */
  readonly taskMail: TaskMail | undefined;
  readonly settingsTableName: string;
  /** The settings in force for a municipality on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
}

/** The task mail set up from the runtime's environment (deps-mailing.ts: Amazon SES), or off. */
export type TaskMailSetup = (runtime: RuntimeConfig) => TaskMail | undefined;

/**
 * Built once per container (or once per local process) and handed to every handler. Without a
 * `taskMail` setup no mail goes out: the queue consumer, the one function that mails tasks, and the
 * local runtime build theirs with deps-mailing.ts, so that the other functions bundle neither SES nor
 * the mail configuration's schemas.
 */
export const createDeps = (runtime: RuntimeConfig, taskMail?: TaskMailSetup): IntakeDeps => {
  const base = createServiceDeps("intake", runtime);
  return {
    ...base,
    taskMail: taskMail?.(runtime),
    settingsTableName: runtime.settingsTableName,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
  };
};
