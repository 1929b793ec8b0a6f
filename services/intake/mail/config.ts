/**
 * The task mail's configuration, from the environment the CDK app sets (infra/constructs/bind.ts,
 * `bindTaskMail`) or the local runtime (infra/local/start.ts). Without a sender, no mail is sent:
 * the tasks are still made, and the console shows them.
 */
import * as z from "zod/mini";
import { TASK_UNITS } from "../../../shared/events/catalogue/tasks";
import { zodWords } from "../../../shared/validation/zod-words";
import { isMailAddress, type MailDirectory } from "../domain/task-mail";

export const TASK_MAIL_ENV = {
  /** The verified SES identity the mail is sent from. */
  from: "TASKS_MAIL_FROM",
  /** The staff console's address, for the link in each mail. */
  consoleUrl: "CONSOLE_URL",
  /** JSON: where each municipality's task mail goes (services/intake/README.md, "Tasks"). */
  directory: "TASKS_MAIL_DIRECTORY",
} as const;

const address = z.string().check(z.maxLength(254), z.refine(isMailAddress, "must be an e-mail address"));
const template = z.string().check(z.minLength(3), z.maxLength(254), z.includes("@"));

export const mailDirectorySchema = z.record(
  z.string().check(z.regex(/^(\d{4}|\*)$/, "must be a kommunkod or *")),
  z.strictObject({
    inbox: z.optional(template),
    units: z.optional(z.partialRecord(z.enum(TASK_UNITS), address)),
    caseworker: z.optional(template),
  }),
);

export interface TaskMailConfig {
  readonly from: string;
  readonly consoleUrl: string;
  readonly directory: MailDirectory;
}

/** undefined: mail is off (no sender). A sender with a bad directory or console address fails the start, loudly. */
export const taskMailConfigFromEnv = (env: NodeJS.ProcessEnv): TaskMailConfig | undefined => {
  const from = env[TASK_MAIL_ENV.from];
  if (!from) return undefined;
  // The start fails with the rule in words (zod/mini alone would say "Invalid input"), never the value.
  const words = { error: zodWords };
  address.parse(from, words);
  const consoleUrl = z.url({ protocol: /^https?$/ }).parse(env[TASK_MAIL_ENV.consoleUrl], words);
  const directory = mailDirectorySchema.parse(JSON.parse(env[TASK_MAIL_ENV.directory] ?? "{}"), words);
  return { from, consoleUrl, directory };
};
