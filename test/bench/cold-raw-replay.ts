/**
 * The same requests made raw (cold.ts): a function's first answer is recorded once through a proxy
 * in front of the local servers, and each measured run then starts a process that loads a bundle of
 * the bare SDK (cold-raw.ts) and sends the same operations with the same inputs, answered with the
 * recorded answers by a replay server. Its first answer is what the SDK alone costs for that
 * function's requests, so the ratio to it is what our code adds, where the floor's one GetItem
 * cannot tell a function that needs eight requests from one that wastes seven.
 *
 * Requests that began while none was in flight start a new group; a group's requests are replayed
 * together, as the function sent them.
 */
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The servers a function talks to, each at its endpoint. */
export type Endpoints = Readonly<Record<"dynamodb" | "sqs" | "secretsManager", string>>;
type RawServer = keyof Endpoints;

export interface RecordedRequest {
  readonly server: RawServer;
  /** The X-Amz-Target header: every one of these services speaks a JSON protocol that names it. */
  readonly target: string;
  readonly body: string;
}
interface RecordedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
export interface Recording {
  readonly groups: RecordedRequest[][];
  readonly answers: ReadonlyMap<string, RecordedAnswer[]>;
  /** Requests with no X-Amz-Target (none of the three JSON protocols): not replayable. */
  readonly unreplayable: number;
}

const readBody = (from: NodeJS.ReadableStream): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    from.on("data", (c: Buffer) => chunks.push(c));
    from.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    from.on("error", reject);
  });

/** Answer headers the SDK reads; the rest (connection, length, date) the replay server writes anew. */
const KEPT_HEADERS = /^(content-type|x-amzn-requestid|x-amz-crc32|x-amzn-query-error)$/;
const keptHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([k, v]) =>
      KEPT_HEADERS.test(k) && typeof v === "string" ? [[k, v]] : [],
    ),
  );

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

interface RecordingProxy {
  /** Where a function's process sends each server's requests while it is recorded. */
  readonly endpoints: Endpoints;
  /** What was sent and answered since the last take, and starts afresh. */
  take(): Recording;
  stop(): Promise<void>;
}

/** One proxy port per server, forwarding to `upstreams` and keeping every request and answer. */
const startRecordingProxy = async (upstreams: Endpoints): Promise<RecordingProxy> => {
  let groups: RecordedRequest[][] = [];
  let answers = new Map<string, RecordedAnswer[]>();
  let unreplayable = 0;
  let inFlight = 0;
  const servers: Server[] = [];
  const endpoints = {} as Record<RawServer, string>;
  for (const server of Object.keys(upstreams) as RawServer[]) {
    const upstream = new URL(upstreams[server]);
    const proxy = createServer(async (req, res) => {
      const target = req.headers["x-amz-target"];
      if (inFlight === 0 || groups.length === 0) groups.push([]);
      const group = groups.at(-1);
      inFlight += 1;
      const body = await readBody(req);
      if (typeof target !== "string") unreplayable += 1;
      else group?.push({ server, target, body });
      const forwarded = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        async (answer) => {
          const answerBody = await readBody(answer);
          if (typeof target === "string") {
            const list = answers.get(target) ?? [];
            list.push({
              status: answer.statusCode ?? 500,
              headers: keptHeaders(answer.headers),
              body: answerBody,
            });
            answers.set(target, list);
          }
          inFlight -= 1;
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          res.end(answerBody);
        },
      );
      forwarded.on("error", () => {
        inFlight -= 1;
        res.writeHead(502).end();
      });
      forwarded.end(body);
    });
    servers.push(proxy);
    endpoints[server] = await listen(proxy);
  }
  return {
    endpoints,
    take: () => {
      const taken = { groups, answers, unreplayable };
      groups = [];
      answers = new Map();
      unreplayable = 0;
      return taken;
    },
    stop: async () => {
      await Promise.all(servers.map(close));
    },
  };
};

/**
 * Runs each function once with its requests going through a recording proxy to `upstreams`, and
 * gives back what each one's run sent and was answered (a run of one first answer, no warm requests).
 */
export const recordFirstAnswers = async <F extends { readonly id: string }>(
  functions: readonly F[],
  upstreams: Endpoints,
  run: (f: F, proxied: Endpoints) => Promise<void>,
): Promise<Map<string, Recording>> => {
  const proxy = await startRecordingProxy(upstreams);
  try {
    const recordings = new Map<string, Recording>();
    for (const f of functions) {
      proxy.take();
      await run(f, proxy.endpoints);
      recordings.set(f.id, proxy.take());
    }
    return recordings;
  } finally {
    await proxy.stop();
  }
};

export interface ReplayServer {
  readonly endpoint: string;
  /** The answers to give from now on, each target's in the order they were recorded, over and over. */
  serve(recording: Recording): void;
  stop(): Promise<void>;
}

/** Answers every request with the recorded answer to the same operation; no storage behind it. */
export const startReplayServer = async (): Promise<ReplayServer> => {
  let answers: ReadonlyMap<string, RecordedAnswer[]> = new Map();
  const next = new Map<string, number>();
  const server = createServer(async (req, res) => {
    await readBody(req);
    const target = String(req.headers["x-amz-target"]);
    const list = answers.get(target) ?? [];
    const at = next.get(target) ?? 0;
    next.set(target, at + 1);
    const answer = list[at % Math.max(list.length, 1)];
    if (!answer) {
      res.writeHead(400, { "content-type": "application/x-amz-json-1.0" });
      res.end(JSON.stringify({ __type: "UnknownOperationException", message: "nothing recorded" }));
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  const endpoint = await listen(server);
  return {
    endpoint,
    serve: (recording) => {
      answers = recording.answers;
      next.clear();
    },
    stop: () => close(server),
  };
};
