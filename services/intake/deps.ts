import { SESv2Client } from "@aws-sdk/client-sesv2";
import { CLIENT_OPTIONS } from "../../shared/runtime/client-options";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import { type TaskMailConfig, taskMailConfigFromEnv } from "./mail/config";
import { type Mailer, sesMailer } from "./mail/mailer";

export interface IntakeDeps extends ServiceDeps {
  /** How tasks are mailed; undefined: mail is off (no sender configured), the tasks are still made. */
  readonly taskMail: { readonly mailer: Mailer; readonly config: TaskMailConfig } | undefined;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig): IntakeDeps => {
  const config = taskMailConfigFromEnv(runtime.mail ? { ...runtime.mail.env, ...process.env } : process.env);
  return {
    ...createServiceDeps("intake", runtime),
    taskMail: config
      ? { mailer: sesMailer(runtime.mail?.client ?? new SESv2Client(CLIENT_OPTIONS), config.from), config }
      : undefined,
  };
};
