import { forbidden } from "./errors";

/** Who is calling, from the claims a JWT authorizer verified (built at the edge, shared/http/auth.ts). */
export interface Caller {
  readonly subject: string;
  readonly scopes: ReadonlySet<string>;
  /** Municipal staff are bound to one municipality; Kriminalvården and Socialstyrelsen have none. */
  readonly municipality?: string;
}

export const hasAnyScope = (caller: Caller, scopes: readonly string[]): boolean =>
  scopes.some((s) => caller.scopes.has(s));

export const requireScope = (caller: Caller, ...scopes: string[]): void => {
  if (!hasAnyScope(caller, scopes)) throw forbidden(`Requires scope ${scopes.join(" or ")}`);
};

/**
 * Access across municipalities is granted, never implied by a missing claim: Kriminalvården,
 * Socialstyrelsen and national reporting systems hold this scope; any other token must carry a
 * `municipality` claim (the edge refuses it otherwise, shared/http/edge.ts).
 */
export const NATIONAL_SCOPE = "national";

/** Whether a token may act across municipalities: no municipality claim, and the national scope. */
export const isNational = (caller: Caller): boolean =>
  caller.municipality === undefined && caller.scopes.has(NATIONAL_SCOPE);

/** Municipal staff may act only in their own municipality; a national caller in any. */
export const requireMunicipalityAccess = (caller: Caller, municipality: string): void => {
  if (caller.municipality === undefined ? !isNational(caller) : caller.municipality !== municipality) {
    throw forbidden("The token is not for this municipality");
  }
};

/** Routes that show case data need a caller bound to a municipality. */
export const requireStaffMunicipality = (caller: Caller): string => {
  if (caller.municipality === undefined) throw forbidden("The token has no municipality claim");
  return caller.municipality;
};
