/**
 * Preloaded by zod-count.ts (`node --import`): counts every zod schema built (zod calls
 * `__zod_globalConfig.postProcessor` once per constructed schema or check), by the first source file of
 * ours on the stack (the bundle's source map names them), and prints the tally as the process exits.
 */
const counts = new Map();
let total = 0;
globalThis.__zod_globalConfig = {
  postProcessor() {
    total += 1;
    const frames = (new Error().stack ?? "").split("\n").slice(2);
    const ours = frames.find((f) => !f.includes("node_modules") && /\/(shared|services)\//.test(f)) ?? "";
    const file = /\/((?:shared|services)\/[^:)]+)/.exec(ours)?.[1] ?? "(elsewhere)";
    counts.set(file, (counts.get(file) ?? 0) + 1);
  },
};
process.on("exit", () => {
  console.log(`  ${total} schemas built as the bundle loads`);
  for (const [file, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${n}\t${file}`);
});
