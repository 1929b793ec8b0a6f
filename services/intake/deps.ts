import { SESv2Client } from "@aws-sdk/client-sesv2";
import { CLIENT_OPTIONS } from "../../shared/runtime/client-options";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import { type TaskMailConfig, taskMailConfigFromEnv } from "./mail/config";
import { type Mailer, sesMailer } from "./mail/mailer";
import { settingsReader } from "./store/settings";

export interface IntakeDeps extends ServiceDeps {
  /** How tasks are mailed; undefined: mail is off (no sender configured), the tasks are still made. */
  readonly taskMail: { readonly mailer: Mailer; readonly config: TaskMailConfig } | undefined;
  readonly settingsTableName: string;
  /** The settings in force for a municipality on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig): IntakeDeps => {
  const config = taskMailConfigFromEnv(runtime.mail ? { ...runtime.mail.env, ...process.env } : process.env);
  const base = createServiceDeps("intake", runtime);
  return {
    ...base,
    taskMail: config
      ? { mailer: sesMailer(runtime.mail?.client ?? new SESv2Client(CLIENT_OPTIONS), config.from), config }
      : undefined,
    settingsTableName: runtime.settingsTableName,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
  };
};
