/**
 * `npm run openapi [-- <path>]`: writes the OpenAPI document of every deployed service, to
 * `openapi.json` at the repository root unless a path is given. The document is generated, not
 * committed: the zod schemas are its source, and a committed copy could only fall behind them.
 * OPENAPI_SERVER_URL sets the server it names (the API Gateway URL, say); the default is "/".
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "../shared/http/openapi";
import { SERVICE_DEFINITIONS } from "./services";

const root = fileURLToPath(new URL("..", import.meta.url));
const { version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { version: string };
const target = process.argv[2] ? resolve(process.cwd(), process.argv[2]) : resolve(root, "openapi.json");

const document = buildOpenApiDocument(SERVICE_DEFINITIONS, {
  version,
  ...(process.env.OPENAPI_SERVER_URL ? { serverUrl: process.env.OPENAPI_SERVER_URL } : {}),
});
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${target}: ${Object.keys(document.paths).length} paths`);
