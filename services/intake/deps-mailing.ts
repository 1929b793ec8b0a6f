/**
 * Intake's deps with the task mail (Amazon SES), for the one function that mails tasks (the queue
 * consumer, `sendsMail` in service.ts) and for the local runtime, which runs every function in one
 * process. The others build theirs with deps.ts alone: SES's client and its SendEmail command are
 * some 25 KiB of bundle, compiled on every cold start, that only the consumer sends with
 * (npm run bench -- cold; test/unit/intake/mail-bundle.test.ts keeps it so).
 */
import { SESClient } from "@aws-sdk/client-ses";
import { CLIENT_OPTIONS } from "../../shared/runtime/client-options";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { createDeps as createIntakeDeps, type IntakeDeps, type TaskMailSetup } from "./deps";
import { taskMailConfigFromEnv } from "./mail/config";
import { sesMailer } from "./mail/mailer";

/** Off without a sender; a sender with a bad directory or console address fails the start, loudly. */
const sesTaskMail: TaskMailSetup = (runtime) => {
  const config = taskMailConfigFromEnv(runtime.mail ? { ...runtime.mail.env, ...process.env } : process.env);
  if (!config) return undefined;
  return { mailer: sesMailer(runtime.mail?.client ?? new SESClient(CLIENT_OPTIONS), config.from), config };
};

export const createDeps = (runtime: RuntimeConfig): IntakeDeps => createIntakeDeps(runtime, sesTaskMail);
