import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { HttpProblem } from "./problem";

/** Who is calling, from the claims API Gateway's JWT authorizer (or the local runtime) verified. */
export interface Caller {
  readonly subject: string;
  readonly scopes: ReadonlySet<string>;
  /** Municipal staff are bound to one municipality; Kriminalvården and Socialstyrelsen have none. */
  readonly municipality?: string;
}

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

export const hasAnyScope = (caller: Caller, scopes: readonly string[]): boolean =>
  scopes.some((s) => caller.scopes.has(s));

export const requireScope = (caller: Caller, ...scopes: string[]): void => {
  if (!hasAnyScope(caller, scopes)) throw new HttpProblem(403, `Requires scope ${scopes.join(" or ")}`);
};

/** Municipal staff may act only in their own municipality; a caller without the claim may act in any. */
export const requireMunicipalityAccess = (caller: Caller, municipality: string): void => {
  if (caller.municipality !== undefined && caller.municipality !== municipality) {
    throw new HttpProblem(403, "The token is not for this municipality");
  }
};

/** Routes that show case data need a caller bound to a municipality. */
export const requireStaffMunicipality = (caller: Caller): string => {
  if (caller.municipality === undefined) throw new HttpProblem(403, "The token has no municipality claim");
  return caller.municipality;
};
