import { type Caller, requireStaffMunicipality } from "../../../shared/domain/caller";
import { forbidden, notFound } from "../../../shared/domain/errors";
import { isKommunkod } from "../../../shared/municipalities";

/** A code no municipality has: a number configured with it would open triages nobody can see. */
export const requireKnownMunicipality = (municipality: string): void => {
  if (!isKommunkod(municipality)) throw notFound("No such municipality");
};

/** Staff act only in their own municipality; the route's municipality must be theirs. */
export const requireOwnMunicipality = (caller: Caller, municipality: string): void => {
  requireKnownMunicipality(municipality);
  if (requireStaffMunicipality(caller) !== municipality) {
    throw forbidden("The token is not for this municipality");
  }
};
