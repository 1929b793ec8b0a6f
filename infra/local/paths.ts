import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: module paths in the service definitions (`entry`, `depsEntry`) are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Git-ignored: DynamoDB Local's files, the queue journal, the development signing key, the running
 * instance's lock. LOCAL_DATA_DIR moves it (tests run a whole runtime on a folder of their own).
 */
export const LOCAL_DATA_DIR = process.env.LOCAL_DATA_DIR
  ? resolve(process.env.LOCAL_DATA_DIR)
  : join(REPO_ROOT, ".local");
export const LOCAL_DYNAMODB_DIR = join(LOCAL_DATA_DIR, "dynamodb");
/** Every message the local queues hold, so that a stop or a crash loses none (durable-sqs.ts). */
export const LOCAL_SQS_JOURNAL = join(LOCAL_DATA_DIR, "sqs-journal.ndjson");
/** Every mail the local SES mailbox received (mailbox.ts), kept across restarts and crashes. */
export const LOCAL_MAIL_FILE = join(LOCAL_DATA_DIR, "mail.ndjson");
export const LOCAL_LOCK_FILE = join(LOCAL_DATA_DIR, "runtime.json");

/** A path as the banner shows it: relative to the repository when inside it. */
export const shownPath = (path: string): string => {
  const inside = relative(REPO_ROOT, path);
  return inside.startsWith("..") || isAbsolute(inside) ? path : inside;
};
