import {
  type Caller,
  hasAnyScope,
  requireMunicipalityAccess,
  requireScope,
  requireStaffMunicipality,
} from "../../../shared/domain/caller";
import { conflict, type Decision, DomainError, fail, notFound, ok } from "../../../shared/domain/errors";
import type { Notice } from "./notice";

/** The scopes of the contract: Kriminalvården writes, the municipality's staff read and manage. */
export const SCOPES = {
  write: "release-notices:write",
  read: "release-notices:read",
  manage: "release-notices:manage",
} as const;

// One answer for "no such notice" and "not yours": nobody learns that another municipality's notice exists.
export const noSuchNotice = () => notFound("No notice with this noticeId");
export const withdrawnNotice = () => conflict("The notice has been withdrawn", "withdrawn");

/** The kernel's caller checks throw; the rules here answer with a Decision, like every other rule. */
const decided = <T>(check: () => T): Decision<T> => {
  try {
    return ok(check());
  } catch (error) {
    if (error instanceof DomainError) return fail(error);
    throw error;
  }
};

/** A token bound to a municipality posts for that municipality only; Kriminalvården's posts for any. */
export const mayPostFor = (caller: Caller, municipality: string): Decision<void> =>
  decided(() => requireMunicipalityAccess(caller, municipality));

/** The staff's routes need a token bound to a municipality: theirs. */
export const staffMunicipality = (caller: Caller): Decision<string> =>
  decided(() => requireStaffMunicipality(caller));

/**
 * Kriminalvården (no municipality claim) reaches every notice; a token bound to a municipality
 * reaches only that municipality's notices.
 */
export const reachableBySender = (notice: Notice | undefined, caller: Caller): Decision<Notice> =>
  notice && (caller.municipality === undefined || caller.municipality === notice.municipality)
    ? ok(notice)
    : fail(noSuchNotice());

/** The municipality's staff see their own municipality's notices; for them others do not exist. */
export const reachableByStaff = (notice: Notice | undefined, municipality: string): Decision<Notice> =>
  notice && notice.municipality === municipality ? ok(notice) : fail(noSuchNotice());

export type Reader = { readonly kind: "staff"; readonly municipality: string } | { readonly kind: "sender" };

/**
 * Who reads a notice decides what they see: staff (read scope and a municipality) the full notice,
 * Kriminalvården (write scope) its status and nothing personal. Anyone else is refused.
 */
export const readerOf = (caller: Caller): Decision<Reader> => {
  const municipality = caller.municipality;
  if (hasAnyScope(caller, [SCOPES.read]) && municipality !== undefined) {
    return ok({ kind: "staff", municipality });
  }
  return decided(() => {
    requireScope(caller, SCOPES.write);
    return { kind: "sender" } as const;
  });
};
