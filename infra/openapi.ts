/**
 * `npm run openapi [-- <path>]`: writes the OpenAPI document of every deployed service, to
 * `openapi.json` at the repository root unless a path is given. The document is generated, not
 * committed: the zod schemas are its source, and a committed copy could only fall behind them.
 * OPENAPI_SERVER_URL sets the server it names (the API Gateway URL, say); the default is "/".
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { projectOpenApiDocument } from "./openapi-document";
import { SERVICE_DEFINITIONS } from "./services";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = process.argv[2] ? resolve(process.cwd(), process.argv[2]) : resolve(root, "openapi.json");

const document = projectOpenApiDocument(SERVICE_DEFINITIONS, process.env.OPENAPI_SERVER_URL || "/");
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${target}: ${Object.keys(document.paths).length} paths`);
