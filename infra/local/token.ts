/**
 * `npm run --silent token -- --scope "<scopes>" [--municipality <kommunkod>] [--sub <id>] [--ttl <seconds>]`
 * prints a development JWT that the local runtime accepts, and nothing else, so that
 * `TOKEN=$(npm run --silent token -- ...)` works.
 */
import { parseArgs } from "node:util";
import { developmentTokens, KOMMUNKOD } from "./tokens";

const USAGE = `Usage: npm run --silent token -- --scope "<scope> [<scope>...]" [--municipality <kommunkod>] [--sub <id>] [--ttl <seconds>]

Examples:
  Kriminalvården:   npm run --silent token -- --scope "release-notices:write national"
  Municipal staff:  npm run --silent token -- --scope "release-notices:read release-notices:manage" --municipality 0880`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
};

const main = async (): Promise<void> => {
  let values: { scope?: string; municipality?: string; sub?: string; ttl?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        scope: { type: "string" },
        municipality: { type: "string" },
        sub: { type: "string" },
        ttl: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.scope?.trim()) return fail("--scope is required");
  if (values.municipality !== undefined && !KOMMUNKOD.test(values.municipality)) {
    return fail("--municipality must be a four-digit kommunkod, e.g. 0880");
  }
  const ttlSeconds = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttlSeconds !== undefined && !(Number.isInteger(ttlSeconds) && ttlSeconds > 0)) {
    return fail("--ttl must be a positive number of seconds");
  }
  const tokens = await developmentTokens();
  const token = await tokens.signToken({
    scope: values.scope,
    ...(values.municipality !== undefined ? { municipality: values.municipality } : {}),
    ...(values.sub !== undefined ? { sub: values.sub } : {}),
    ...(ttlSeconds !== undefined ? { ttlSeconds } : {}),
  });
  process.stdout.write(`${token}\n`);
};

await main();
