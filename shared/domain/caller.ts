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

/** Municipal staff may act only in their own municipality; a caller without the claim may act in any. */
export const requireMunicipalityAccess = (caller: Caller, municipality: string): void => {
  if (caller.municipality !== undefined && caller.municipality !== municipality) {
    throw forbidden("The token is not for this municipality");
  }
};

/** Routes that show case data need a caller bound to a municipality. */
export const requireStaffMunicipality = (caller: Caller): string => {
  if (caller.municipality === undefined) throw forbidden("The token has no municipality claim");
  return caller.municipality;
};
