import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import { type TaskMailConfig, taskMailConfigFromEnv } from "./mail/config";
import type { Mailer } from "./mail/mailer";
import { settingsReader } from "./store/settings";

export interface IntakeDeps extends ServiceDeps {
  /** How tasks are mailed; undefined: mail is off (no sender configured), the tasks are still made. */
  readonly taskMail: { readonly mailer: Mailer; readonly config: TaskMailConfig } | undefined;
  readonly settingsTableName: string;
  /** The settings in force for a municipality on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
}

/** Sends from the configured sender; deps-mailing.ts gives the one that speaks to Amazon SES. */
export type TaskMailer = (from: string) => Mailer;

/**
 * Built once per container (or once per local process) and handed to every handler. Without a
 * `taskMailer` no mail goes out: the queue consumer, the one function that mails tasks, and the local
 * runtime build theirs with deps-mailing.ts, so that the other functions do not bundle SES.
 */
export const createDeps = (runtime: RuntimeConfig, taskMailer?: TaskMailer): IntakeDeps => {
  const config = taskMailConfigFromEnv(runtime.mail ? { ...runtime.mail.env, ...process.env } : process.env);
  const base = createServiceDeps("intake", runtime);
  return {
    ...base,
    taskMail: config && taskMailer ? { mailer: taskMailer(config.from), config } : undefined,
    settingsTableName: runtime.settingsTableName,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
  };
};
