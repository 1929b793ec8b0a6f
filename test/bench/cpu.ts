import { Session } from "node:inspector/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "../../infra/local/paths";

/**
 * The handler logs two JSON lines per request on process.stdout (shared/logger.ts).
 * While measuring, those lines are serialised as usual and then dropped here (counted), so the
 * benchmark's output stays readable and the cost of writing them to a terminal is not measured.
 * Lines on stderr (warnings and errors: something went wrong) are counted and the first few kept.
 */
export const muteOutput = () => {
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  const counted = { lines: 0, bytes: 0, errorLines: 0, firstErrors: [] as string[] };
  streams.forEach((stream, index) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (index === 0) {
        counted.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
        counted.lines += 1;
      } else if (String(chunk).startsWith("{")) {
        // A structured log line on stderr: a warning or an error from the handler.
        counted.errorLines += 1;
        if (counted.firstErrors.length < 3) counted.firstErrors.push(String(chunk).slice(0, 600));
      } else {
        originals[1]?.call(process.stderr, chunk as string);
      }
      const callback = rest.find((r): r is () => void => typeof r === "function");
      callback?.();
      return true;
    }) as typeof stream.write;
  });
  return {
    counted,
    restore: () => {
      streams.forEach((stream, index) => {
        const original = originals[index];
        if (original) stream.write = original;
      });
    },
  };
};

/** Mean ms per call of `fn` over `iterations`, after a warm-up a tenth as long. */
export const timeCalls = async (iterations: number, fn: (i: number) => unknown): Promise<number> => {
  for (let i = 0; i < Math.ceil(iterations / 10); i++) await fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn(i);
  return Number(process.hrtime.bigint() - started) / 1e6 / iterations;
};

const packageOf = (path: string): string | undefined => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  const name = match?.[1];
  if (!name) return undefined;
  if (name.startsWith("@smithy/") || name.startsWith("@aws-sdk/")) return "AWS SDK (@aws-sdk/*, @smithy/*)";
  if (name.startsWith("@aws-lambda-powertools/")) return "Powertools (batch)";
  if (name === "@middy/core") return "middy";
  return name;
};

/** Where a profile node's own time goes: a package, a folder of ours, a part of Node, or V8. */
export const categorize = (url: string, functionName: string): string | undefined => {
  if (url === "") {
    if (functionName === "(idle)" || functionName === "(root)") return undefined;
    if (functionName === "(garbage collector)") return "V8: garbage collection";
    if (functionName === "(program)") return "V8: (program)";
    return "V8/native: no caller known";
  }
  if (url.startsWith("node:")) {
    if (url.includes("crypto")) return "node:crypto (HMAC, AES-GCM, random bytes)";
    return "node: other internals";
  }
  const path = url.startsWith("file:") ? fileURLToPath(url) : url;
  const pkg = packageOf(path);
  if (pkg) return pkg;
  const rel = relative(REPO_ROOT, path);
  if (rel.startsWith("..")) return "other";
  const parts = rel.split("/");
  return `ours: ${parts.slice(0, parts.length > 2 ? 2 : 1).join("/")}`;
};

export interface ProfileShare {
  readonly category: string;
  readonly ms: number;
}

export interface ProfileFunction extends ProfileShare {
  /** Function name and where it is: file (from the repository root or the package) and line. */
  readonly name: string;
}

export interface Profile {
  readonly categories: ProfileShare[];
  /** Self time per function, largest first. */
  readonly functions: ProfileFunction[];
}

const where = (url: string, line: number): string => {
  if (!url) return "";
  const path = url.startsWith("file:") ? fileURLToPath(url) : url;
  const inPackage = /node_modules\/(.*)$/.exec(path)?.[1];
  return `${inPackage ?? relative(REPO_ROOT, path)}:${line + 1}`;
};

/**
 * Samples the CPU while `work` runs (V8's profiler in this process) and sums self time by
 * category. Idle time (waiting on promises that nothing computes) is left out.
 */
export const profileSelfTime = async (work: () => Promise<void>): Promise<Profile> => {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 50 });
    await session.post("Profiler.start");
    let failure: unknown;
    try {
      await work();
    } catch (error) {
      failure = error ?? new Error("profiled work failed");
    }
    const { profile } = await session.post("Profiler.stop");
    if (failure) throw failure;
    // Native functions (no url: Node's C++ bindings such as crypto jobs) count towards the JS
    // function that called them, so their time lands with whoever asked for the work.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const special = (name: string) => name.startsWith("(");
    const caller = (id: number) => {
      for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
        const n = nodes.get(at);
        if (n?.callFrame.url) return n;
      }
      return undefined;
    };
    const byId = new Map(
      profile.nodes.map((n) => {
        const { url, functionName, lineNumber } = n.callFrame;
        if (!url && !special(functionName)) {
          const from = caller(n.id);
          if (from) {
            const category = categorize(from.callFrame.url, from.callFrame.functionName);
            const name = `${functionName || "(anonymous)"} (native) <- ${from.callFrame.functionName || "(anonymous)"} ${where(from.callFrame.url, from.callFrame.lineNumber)}`;
            return [n.id, category ? { category, name } : undefined];
          }
        }
        const category = categorize(url, functionName);
        const name = `${functionName || "(anonymous)"} ${where(url, lineNumber)}`.trim();
        return [n.id, category ? { category, name } : undefined];
      }),
    );
    const categories = new Map<string, number>();
    const functions = new Map<string, ProfileFunction>();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    // timeDeltas[i] is the time before sample i; the time after it belongs to sample i.
    for (let i = 0; i < samples.length; i++) {
      const node = byId.get(samples[i] ?? -1);
      const ms = (deltas[i + 1] ?? 0) / 1000;
      if (!node) continue;
      categories.set(node.category, (categories.get(node.category) ?? 0) + ms);
      const fn = functions.get(node.name);
      functions.set(node.name, { ...node, ms: (fn?.ms ?? 0) + ms });
    }
    return {
      categories: [...categories].map(([category, ms]) => ({ category, ms })).sort((x, y) => y.ms - x.ms),
      functions: [...functions.values()].sort((x, y) => y.ms - x.ms),
    };
  } finally {
    session.disconnect();
  }
};

/** Sums profiles taken in rounds. */
export const mergeProfiles = (profiles: readonly Profile[]): Profile => {
  const categories = new Map<string, number>();
  const functions = new Map<string, ProfileFunction>();
  for (const p of profiles) {
    for (const c of p.categories) categories.set(c.category, (categories.get(c.category) ?? 0) + c.ms);
    for (const f of p.functions) functions.set(f.name, { ...f, ms: (functions.get(f.name)?.ms ?? 0) + f.ms });
  }
  return {
    categories: [...categories].map(([category, ms]) => ({ category, ms })).sort((x, y) => y.ms - x.ms),
    functions: [...functions.values()].sort((x, y) => y.ms - x.ms),
  };
};
