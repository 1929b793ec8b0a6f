import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: module paths in the service definitions (`entry`, `depsEntry`) are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Git-ignored: DynamoDB Local's files, the development signing key, the running instance's lock. */
export const LOCAL_DATA_DIR = join(REPO_ROOT, ".local");
export const LOCAL_DYNAMODB_DIR = join(LOCAL_DATA_DIR, "dynamodb");
export const LOCAL_LOCK_FILE = join(LOCAL_DATA_DIR, "runtime.json");
