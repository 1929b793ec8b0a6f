/**
 * `npm start` as an operator runs it: the real infra/local/start.ts in a process group of its own,
 * on free ports and a data folder of the test's, so it can be stopped (SIGTERM) or killed outright
 * (SIGKILL to the group) and started again on the same data. Shared by durability.test.ts and the
 * local-crash bench.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import * as z from "zod/mini";
import { REPO_ROOT } from "../../../../infra/local/paths";
import { developmentTokens } from "../../../../infra/local/tokens";
import { personnummer } from "../../../support/identities";

export interface RuntimePorts {
  readonly http: number;
  readonly dynamodb: number;
  readonly sqs: number;
  /** The local Kriminalvården receiver and the mailbox (by default PORT+3 and PORT+4). */
  readonly receiver: number;
  readonly mail: number;
}

export interface RuntimeProcess {
  readonly url: string;
  readonly ports: RuntimePorts;
  /** The last 64 KB it printed, for a failing test's message. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** To its whole process group, as `kill -<signal> -<pgid>` would. */
  signal(signal: NodeJS.Signals): void;
}

const listenable = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });

/**
 * A free port below Linux's ephemeral range (32768-60999): a restart binds the same ports again, and
 * a port from the ephemeral range may meanwhile be the local end of any test's outgoing connection
 * (EADDRINUSE). Below it, only a listener can hold one.
 */
const freePort = async (): Promise<number> => {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await listenable(port)) return port;
  }
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the runtime and resolves once /health answers 200. `ports`: those of an earlier run, as a
 * restart of `npm start` uses the same ones; absent, free ones.
 */
export const startRuntimeProcess = async (
  dataDir: string,
  options: { readonly ports?: RuntimePorts; readonly timeoutMs?: number } = {},
): Promise<RuntimeProcess> => {
  const ports = options.ports ?? {
    http: await freePort(),
    dynamodb: await freePort(),
    sqs: await freePort(),
    receiver: await freePort(),
    mail: await freePort(),
  };
  const child = spawn(process.execPath, ["--import", "tsx", "infra/local/start.ts"], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(ports.http),
      LOCAL_DYNAMODB_PORT: String(ports.dynamodb),
      LOCAL_SQS_PORT: String(ports.sqs),
      LOCAL_RECEIVER_PORT: String(ports.receiver),
      LOCAL_MAIL_PORT: String(ports.mail),
      LOCAL_DATA_DIR: dataDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  });
  let printed = "";
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString("utf8")).slice(-64 * 1024);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  const pid = child.pid ?? 0;
  const url = `http://127.0.0.1:${ports.http}`;
  const runtime: RuntimeProcess = {
    url,
    ports,
    output: () => printed,
    exited,
    signal(signal) {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (exitCode === undefined) {
    try {
      if ((await fetch(`${url}/health`)).status === 200) return runtime;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      runtime.signal("SIGKILL");
      throw new Error(`The local runtime did not get ready in time:\n${printed}`);
    }
    await sleep(200);
  }
  throw new Error(`The local runtime exited with ${exitCode} while starting:\n${printed}`);
};

/** Tokens the runtime on `dataDir` accepts: it keeps its signing key there. */
export const tokensFor = async (dataDir: string) => {
  const tokens = await developmentTokens({ dir: dataDir });
  return {
    kriminalvarden: await tokens.signToken({
      scope: "release-notices:write national",
      sub: "kriminalvarden-system",
    }),
    intakeStaff: await tokens.signToken({
      scope: "referrals:read",
      municipality: "0880",
      sub: "handlaggare-1",
    }),
  };
};

const PERSON = personnummer("19900101", "001");

/** `count` release notices with distinct ids, due for release half a year from now. */
export const releaseNotices = (count: number, prefix: string): { noticeId: string; body: string }[] => {
  const release = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const noticeId = `KV-${prefix}-${String(i).padStart(4, "0")}`;
    const body = JSON.stringify({
      noticeId,
      municipality: "0880",
      person: { personalIdentityNumber: PERSON.thirteen },
      institution: "Anstalten Kumla",
      expectedReleaseDate: release,
      releaseType: "conditional",
      needs: ["housing", "employment"],
      contact: { name: "Anna Andersson", phone: "+46101234567", email: "anna.andersson@kriminalvarden.se" },
    });
    return { noticeId, body };
  });
};

/** An HTTP status, or "no answer" when the connection failed (the runtime was gone). */
export type PostOutcome = number | "no answer";

/**
 * Posts every notice, `concurrency` at a time, as Kriminalvården's client would; `onAnswer` sees
 * each outcome as it comes.
 */
export const postNotices = async (
  url: string,
  token: string,
  notices: readonly { noticeId: string; body: string }[],
  options: {
    readonly concurrency: number;
    readonly onAnswer?: (noticeId: string, outcome: PostOutcome) => void;
  },
): Promise<Map<string, PostOutcome>> => {
  const outcomes = new Map<string, PostOutcome>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < notices.length; i = next++) {
      const notice = notices[i];
      if (!notice) continue;
      let outcome: PostOutcome;
      try {
        const response = await fetch(`${url}/v1/release-notices`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: notice.body,
        });
        await response.arrayBuffer();
        outcome = response.status;
      } catch {
        outcome = "no answer";
      }
      outcomes.set(notice.noticeId, outcome);
      options.onAnswer?.(notice.noticeId, outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return outcomes;
};

/** POST /_local/tick: every sweep once, then the queues drained. */
export const tick = async (url: string): Promise<number> => {
  const response = await fetch(`${url}/_local/tick`, {
    method: "POST",
    headers: { "content-type": "application/json" },
  });
  await response.arrayBuffer();
  return response.status;
};

const referralPageSchema = z.object({
  items: z.array(z.object({ source: z.optional(z.object({ type: z.string(), id: z.string() })) })),
  cursor: z.nullish(z.string()),
});

/** The notice id of every release referral in intake, one entry per referral, through its API. */
export const releaseReferralSources = async (url: string, staffToken: string): Promise<string[]> => {
  const sources: string[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ kind: "release", limit: "100", ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${url}/v1/referrals?${query}`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    if (response.status !== 200) throw new Error(`GET /v1/referrals answered ${response.status}`);
    const page = referralPageSchema.parse(await response.json());
    for (const item of page.items) if (item.source?.type === "release-notice") sources.push(item.source.id);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return sources;
};
