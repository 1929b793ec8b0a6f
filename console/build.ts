/**
 * Builds the staff console with esbuild: one ES module entry (plus chunks loaded on demand, such
 * as the OpenID Connect client), one stylesheet, and an index.html naming them by content hash.
 * The local runtime serves the result from memory; the CDK construct writes it to a folder for S3.
 * `npm run console:build` writes it to console/dist and prints the sizes.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, type BuildResult, build, buildSync } from "esbuild";

const CONSOLE_DIR = fileURLToPath(new URL(".", import.meta.url));
const ENTRY = join(CONSOLE_DIR, "src/main.tsx");
/** Nothing is written here by a build in memory; esbuild needs an outdir to name chunks. */
const OUT_DIR = join(CONSOLE_DIR, "dist");

export interface ConsoleFile {
  readonly contents: Uint8Array;
  readonly contentType: string;
  /** Named by content hash: a browser or CDN may keep it forever. */
  readonly immutable: boolean;
}

export interface ConsoleBuild {
  /** By path from the site root without the leading slash, e.g. "index.html", "assets/main-X.js". */
  readonly files: ReadonlyMap<string, ConsoleFile>;
  /** The scripts a first visit loads before anything is shown (the entry and its static imports). */
  readonly initialScripts: readonly string[];
}

export interface BuildConsoleOptions {
  /** Source maps beside the scripts (local development); off for what is deployed. */
  readonly sourcemap?: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

export const contentTypeOf = (path: string): string =>
  CONTENT_TYPES[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream";

const esbuildOptions = (options: BuildConsoleOptions): BuildOptions & { metafile: true; write: false } => ({
  entryPoints: [ENTRY],
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: ["es2022", "chrome109", "firefox115", "safari16"],
  jsx: "automatic",
  jsxImportSource: "preact",
  minify: true,
  sourcemap: options.sourcemap ? "linked" : false,
  entryNames: "assets/[name]-[hash]",
  chunkNames: "assets/chunk-[hash]",
  assetNames: "assets/[name]-[hash]",
  legalComments: "linked",
  metafile: true,
  write: false,
  logLevel: "silent",
  absWorkingDir: resolve(CONSOLE_DIR, ".."),
});

/** A simple mark, so browsers find an icon and do not ask for /favicon.ico. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#123c69"/><path d="M9 23V9l14 14V9" fill="none" stroke="#fff" stroke-width="3"/></svg>`;

const indexHtml = (script: string, stylesheet: string | undefined, preloads: readonly string[]): string =>
  `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<title>Ny riktning</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${stylesheet ? `<link rel="stylesheet" href="/${stylesheet}">\n` : ""}${preloads.map((p) => `<link rel="modulepreload" href="/${p}">\n`).join("")}<script type="module" src="/${script}"></script>
</head>
<body>
<div id="app"></div>
<noscript>Konsolen behöver JavaScript.</noscript>
</body>
</html>
`;

const assemble = (result: BuildResult & { metafile: NonNullable<BuildResult["metafile"]> }): ConsoleBuild => {
  const toSitePath = (path: string) =>
    relative(OUT_DIR, resolve(CONSOLE_DIR, "..", path))
      .split("\\")
      .join("/");
  const files = new Map<string, ConsoleFile>();
  for (const file of result.outputFiles ?? []) {
    const path = relative(OUT_DIR, file.path).split("\\").join("/");
    files.set(path, { contents: file.contents, contentType: contentTypeOf(path), immutable: true });
  }
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, output]) => output.entryPoint !== undefined);
  if (!entry) throw new Error("esbuild produced no entry for the console");
  const [entryPath, entryOutput] = entry;
  const staticImports = entryOutput.imports.filter((i) => i.kind === "import-statement").map((i) => i.path);
  const script = toSitePath(entryPath);
  const preloads = staticImports.map(toSitePath);
  const stylesheet = entryOutput.cssBundle ? toSitePath(entryOutput.cssBundle) : undefined;
  const text = (value: string) => new TextEncoder().encode(value);
  files.set("index.html", {
    contents: text(indexHtml(script, stylesheet, preloads)),
    contentType: contentTypeOf("index.html"),
    immutable: false,
  });
  files.set("favicon.svg", { contents: text(FAVICON), contentType: contentTypeOf(".svg"), immutable: false });
  return { files, initialScripts: [script, ...preloads] };
};

export const buildConsole = async (options: BuildConsoleOptions = {}): Promise<ConsoleBuild> =>
  assemble(await build(esbuildOptions(options)));

/** For CDK constructs, which are built synchronously. */
export const buildConsoleSync = (options: BuildConsoleOptions = {}): ConsoleBuild =>
  assemble(buildSync(esbuildOptions(options)));

/** Writes a build to a folder (emptied first), e.g. for an S3 deployment. */
export const writeConsole = (built: ConsoleBuild, dir: string): void => {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, file] of built.files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildConsole();
  writeConsole(built, OUT_DIR);
  for (const [path, file] of built.files) console.log(`${String(file.contents.length).padStart(8)}  ${path}`);
  console.log(`wrote ${relative(process.cwd(), OUT_DIR)}/`);
}
