/**
 * The same requests made raw (cold.ts): each measured process of a function sends its requests
 * through a proxy in front of the local servers, which keeps its first answer's requests and their
 * answers; a process that loads a bundle of the bare SDK (cold-raw.ts) then sends the same
 * operations with the same inputs, answered with the recorded answers by a replay server. Its
 * first answer is what the SDK alone costs for that function's requests, so the ratio to it is
 * what our code adds, where the floor's one GetItem cannot tell a function that needs eight
 * requests from one that wastes seven. Recording the measured process itself, not one beside it,
 * keeps the replay exact where the reads depend on what the tables hold by then (the lists grow
 * with the bench's own writes, a sweep finds what is left). The proxy costs the measured process
 * no CPU, only a little wall-clock time per request (this process forwards it).
 *
 * Requests that began while none was in flight start a new group; a group's requests are replayed
 * together, as the function sent them.
 */
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";

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
  /** As the server sent them: the raw replay's answers carry the same headers as the function's. */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
export interface Recording {
  /** Each invocation's requests (the first answer's, then each warm request's), in groups. */
  readonly invocations: RecordedRequest[][][];
  readonly answers: ReadonlyMap<string, RecordedAnswer[]>;
  /** Requests with no X-Amz-Target (none of the three JSON protocols), or unanswered: not replayed. */
  readonly unreplayable: number;
}

/**
 * The answer's headers less the hop-by-hop ones, which are the proxy's own connection's to decide,
 * with the length of the whole body it sends: as the servers send theirs, not chunked.
 */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);
const endToEnd = (headers: IncomingHttpHeaders, body: string): IncomingHttpHeaders => ({
  ...Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name))),
  "content-length": String(Buffer.byteLength(body)),
});

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

export interface RecordingProxy {
  /** Where a function's process sends each server's requests, to be forwarded and kept. */
  readonly endpoints: Endpoints;
  /**
   * The requests since the last take, with their answers, cut into invocations of `counts`
   * requests each (a process's first answer, then its warm requests), and starts afresh.
   */
  take(counts: readonly number[]): Recording;
  stop(): Promise<void>;
}

interface Entry {
  readonly group: number;
  readonly target: string | undefined;
  request?: RecordedRequest;
  answer?: RecordedAnswer;
}

/** One proxy port per server, forwarding to `upstreams` and keeping every request and answer. */
export const startRecordingProxy = async (upstreams: Endpoints): Promise<RecordingProxy> => {
  let entries: Entry[] = [];
  let inFlight = 0;
  let group = 0;
  const servers: Server[] = [];
  const endpoints = {} as Record<RawServer, string>;
  for (const server of Object.keys(upstreams) as RawServer[]) {
    const upstream = new URL(upstreams[server]);
    const proxy = createServer(async (req, res) => {
      const target = req.headers["x-amz-target"];
      if (inFlight === 0) group += 1;
      const entry: Entry = { group, target: typeof target === "string" ? target : undefined };
      entries.push(entry);
      inFlight += 1;
      const body = await text(req);
      if (entry.target) entry.request = { server, target: entry.target, body };
      const forwarded = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        async (answer) => {
          const answerBody = await text(answer);
          const status = answer.statusCode ?? 500;
          entry.answer = { status, headers: answer.headers, body: answerBody };
          inFlight -= 1;
          res.writeHead(status, endToEnd(answer.headers, answerBody));
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
    take: (counts) => {
      const taken = entries;
      entries = [];
      const answers = new Map<string, RecordedAnswer[]>();
      let unreplayable = 0;
      let from = 0;
      const invocations = counts.map((count) => {
        const groups = new Map<number, RecordedRequest[]>();
        for (const { group: at, request: sent, answer } of taken.slice(from, from + count)) {
          if (!sent || !answer) {
            unreplayable += 1;
            continue;
          }
          groups.set(at, [...(groups.get(at) ?? []), sent]);
          answers.set(sent.target, [...(answers.get(sent.target) ?? []), answer]);
        }
        from += count;
        return [...groups.values()];
      });
      return { invocations, answers, unreplayable };
    },
    stop: async () => {
      await Promise.all(servers.map(close));
    },
  };
};

export interface ReplayServer {
  readonly endpoint: string;
  /** The answers to give from now on, each target's in the order they were recorded. */
  serve(recording: Recording): void;
  stop(): Promise<void>;
}

/** Answers every request with the recorded answer to the same operation; no storage behind it. */
export const startReplayServer = async (): Promise<ReplayServer> => {
  let answers: ReadonlyMap<string, RecordedAnswer[]> = new Map();
  const next = new Map<string, number>();
  const server = createServer(async (req, res) => {
    await text(req);
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
    res.writeHead(answer.status, endToEnd(answer.headers, answer.body));
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
