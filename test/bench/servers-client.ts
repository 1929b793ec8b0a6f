import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { LocalEndpoints } from "../../infra/local/aws";
import { REPO_ROOT } from "../../infra/local/paths";

export interface BenchServers extends LocalEndpoints {
  readonly dynamodbPid: number;
  /** Stops both servers and resolves once DynamoDB Local's Java process is gone (true) or not (false). */
  stop(): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts test/bench/servers.ts in a child process and waits for its READY line. */
export const startServers = async (timeoutMs = 60_000): Promise<BenchServers> => {
  const script = fileURLToPath(new URL("./servers.ts", import.meta.url));
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(
    process.execPath,
    ["--import", "tsx", script],
    { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let buffer = "";
  child.stdout.setEncoding("utf8");
  const ready = await new Promise<LocalEndpoints & { dynamodbPid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the local servers did not start in time")), timeoutMs);
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      const line = buffer.split("\n").find((l) => l.startsWith("READY "));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice("READY ".length)));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the local servers exited with code ${code} before they were ready`));
    });
  }).catch(async (error: unknown) => {
    child.kill("SIGTERM");
    throw error;
  });

  let stopping: Promise<boolean> | undefined;
  return {
    ...ready,
    stop() {
      stopping ??= (async () => {
        child.stdin.end();
        // A timer left pending would keep the bench alive for its full length: clear it.
        let timer: NodeJS.Timeout | undefined;
        const done = await Promise.race([
          exited.then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), 15_000);
          }),
        ]);
        clearTimeout(timer);
        if (!done) {
          child.kill("SIGKILL");
          await exited;
        }
        // The Java process's watchdog kills it when the child's pipe closes; give it a moment.
        for (let i = 0; i < 50 && alive(ready.dynamodbPid); i++) await sleep(100);
        return !alive(ready.dynamodbPid);
      })();
      return stopping;
    },
  };
};
