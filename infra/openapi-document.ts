/**
 * The project's OpenAPI document, the same wherever it is made: `npm run openapi` writes it and
 * the local runtime serves it at /openapi.json. The version is package.json's; the server is
 * relative ("/") unless a deployment names its own.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument, type OpenApiDocument } from "../shared/http/openapi";
import type { ServiceDefinition } from "../shared/service";

const root = fileURLToPath(new URL("..", import.meta.url));

export const PROJECT_VERSION: string = (
  JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { version: string }
).version;

/** One line per service, for the document's tags. */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "release-notices":
    "Kriminalvården's release notices: posted months ahead, worked by the municipality's staff, with status delivered back to Kriminalvården's receiver.",
  intake:
    "Mottag vuxen: referrals (from release notices, the hotline and others), their assessment, assignment and closing.",
  hotline:
    "The municipal hotline: the telephony provider's webhooks, on-call schedules and triage of calls by on-call social workers.",
  "pilot-reports": "Socialstyrelsen's pilot reports: monthly figures per municipality, as JSON or CSV.",
};

export const projectOpenApiDocument = (
  services: readonly ServiceDefinition[],
  serverUrl = "/",
): OpenApiDocument =>
  buildOpenApiDocument(services, { version: PROJECT_VERSION, serverUrl, tagDescriptions: TAG_DESCRIPTIONS });
