/**
 * `node --import tsx test/bench/cold-profile.ts <dir> [load|first]`: where the CPU of a cold start
 * goes, by package or source file, from the profiles `npm run bench -- cold <id> --cold-profile DIR
 * --cold-warm 0` writes (one folder per function, `floor` for the floor). Frames in the bundle are
 * named through its source map; Node's own frames by their internal file (`node:utils` is where V8
 * compiles the bundle, `node:source_map_cache` where it reads the source map). `load` is up to the
 * last sample inside the bundle's top-level code, `first` what follows (with --cold-warm 0, the first
 * invocation alone). Milliseconds per process, under the profiler, so larger than the bench's.
 * Self time only: a module's top-level statements count as "(bundle top level)", zod's schema
 * building as zod. A third argument names one group (`zod/v4/core`) and charges its time to the
 * nearest of our files up its stack: which of our calls the time went to.
 */
import { readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { join } from "node:path";
import * as z from "zod";

const [dir, window = "load", spentIn] = process.argv.slice(2);
if (!dir || !["load", "first"].includes(window)) {
  throw new Error("usage: cold-profile.ts <profile dir of one function> [load|first] [group]");
}

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
        columnNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type Frame = z.infer<typeof profileSchema>["nodes"][number]["callFrame"];

const map = new SourceMap(JSON.parse(readFileSync(join(dir, "bundle.mjs.map"), "utf8")));
const inBundle = (frame: Frame) => frame.url.includes("/ny-riktning-cold-");

/** A package (zod's and the SDK core's by part), or our file from services/ or shared/. */
const groupOf = (frame: Frame): string => {
  if (!inBundle(frame)) return frame.url ? `node:${frame.url.split("/").pop()}` : frame.functionName;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
  const source = "originalSource" in entry ? entry.originalSource : "";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/v4\/[^/]+|\/dist-es\/submodules\/[^/]+)?/.exec(source);
  if (pkg) return `${pkg[1]}${pkg[2] ?? ""}`;
  const ours = /(?:^|\/)((?:services|shared|test)\/.*)$/.exec(source);
  // The bundle's own top level runs every module esbuild did not wrap, statement after statement.
  return ours?.[1] ?? "(bundle top level)";
};

const totals = new Map<string, number>();
const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
let all = 0;
for (const file of files) {
  const profile = profileSchema.parse(JSON.parse(readFileSync(join(dir, file), "utf8")));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const topLevel = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f && inBundle(f) && f.functionName === "" && f.lineNumber === 0 && f.columnNumber === 0)
        return true;
    }
    return false;
  };
  const callerOf = (id: number): string => {
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      const group = f && inBundle(f) ? groupOf(f) : "";
      if (/^(services|shared)\//.test(group)) return group;
    }
    return "(no file of ours)";
  };
  const loadEnds = profile.samples.findLastIndex(topLevel);
  profile.samples.forEach((id, i) => {
    if ((window === "load") !== i <= loadEnds) return;
    const frame = byId.get(id)?.callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!frame) return;
    const group = groupOf(frame);
    // With a group named, its time is charged to the nearest of our files that called into it.
    const charged = spentIn === undefined ? group : group === spentIn ? callerOf(id) : undefined;
    if (charged === undefined) return;
    all += ms;
    totals.set(charged, (totals.get(charged) ?? 0) + ms);
  });
}
const per = (ms: number) => (ms / Math.max(files.length, 1)).toFixed(2).padStart(7);
console.log(`${dir}, ${window}: ${per(all).trim()} ms per process (${files.length} processes)`);
for (const [group, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${per(ms)}  ${group}`);
}
