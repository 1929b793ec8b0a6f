/**
 * `npm run reset`: empties the local runtime's data folder (.local/). The development signing key
 * stays, so tokens already handed out keep working; `npm run reset -- --all` removes it too.
 * Refuses while `npm start` runs: DynamoDB Local holds its database file open.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runningInstance } from "./lock";
import { LOCAL_DATA_DIR } from "./paths";

const KEPT = "jwt-signing-key.json";

const { values } = parseArgs({ options: { all: { type: "boolean", default: false } }, strict: true });

const running = runningInstance();
if (running) {
  console.error(`The local runtime is running (pid ${running.pid}, ${running.url}); stop it first.`);
  process.exit(1);
}
if (!existsSync(LOCAL_DATA_DIR)) {
  console.log(".local/ is already empty");
  process.exit(0);
}
const removed: string[] = [];
for (const name of readdirSync(LOCAL_DATA_DIR)) {
  if (name === KEPT && !values.all) continue;
  rmSync(join(LOCAL_DATA_DIR, name), { recursive: true, force: true });
  removed.push(name);
}
console.log(removed.length ? `Removed from .local/: ${removed.join(", ")}` : ".local/ is already empty");
if (!values.all && existsSync(join(LOCAL_DATA_DIR, KEPT))) {
  console.log(`Kept .local/${KEPT} (tokens stay valid); --all removes it too.`);
}
