import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import type { Caller } from "../domain/caller";

export type { Caller } from "../domain/caller";

const claimString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

/** API Gateway hands claims over as strings; `scope` is space-separated (RFC 8693), `scp` a list. */
export const callerFromEvent = (event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller | undefined => {
  const claims: Record<string, unknown> | undefined = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims) return undefined;
  const subject = claimString(claims.sub);
  if (!subject) return undefined;
  const raw = claims.scope ?? claims.scp;
  const scopes = new Set(
    (Array.isArray(raw)
      ? raw.map(String)
      : (claimString(raw) ?? "").replace(/^\[|\]$/g, "").split(/[\s,]+/)
    ).filter((s) => s.length > 0),
  );
  const municipality = claimString(claims.municipality);
  if (municipality !== undefined && !/^\d{4}$/.test(municipality)) return undefined;
  return { subject, scopes, ...(municipality ? { municipality } : {}) };
};
