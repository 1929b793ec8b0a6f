import { type Decision, type FieldIssue, fail, invalid, ok } from "../../../shared/domain/errors";
import { type IdentityNumber, parseIdentityNumber } from "../../../shared/identity/personnummer";
import { isKommunkod } from "../../../shared/municipalities";

/**
 * The rules the request schemas cannot check: an identity number that exists on the calendar
 * with a right check digit, a municipality that exists, a noticeId that agrees with the path.
 * Every answer names the field and the rule, never the value.
 */

const INVALID = "Some fields are not valid";
const badFields = (...fields: FieldIssue[]) => invalid(INVALID, fields);

/** The person and municipality of a notice as posted or restated; the identity for linking and sealing. */
export const checkPersonAndPlace = (
  input: { readonly personalIdentityNumber: string; readonly municipality: string },
  now: Date,
): Decision<IdentityNumber> => {
  const identity = parseIdentityNumber(input.personalIdentityNumber, now);
  if (!identity) {
    return fail(
      badFields({
        path: "person.personalIdentityNumber",
        message: "is not a valid personnummer or samordningsnummer",
      }),
    );
  }
  if (!isKommunkod(input.municipality)) {
    return fail(badFields({ path: "municipality", message: "is not a Swedish municipality code" }));
  }
  return ok(identity);
};

/**
 * An update restates the notice as it was posted, so it may carry the notice's own id; another
 * id is a mistake on the sender's side, not a request to move the notice.
 */
export const checkRestatedNoticeId = (
  pathNoticeId: string,
  bodyNoticeId: string | undefined,
): Decision<void> =>
  bodyNoticeId === undefined || bodyNoticeId === pathNoticeId
    ? ok(undefined)
    : fail(badFields({ path: "noticeId", message: "must be the noticeId in the path" }));

export const checkReleaseRange = (from: string | undefined, to: string | undefined): Decision<void> =>
  from && to && from > to
    ? fail(badFields({ path: "query.releaseFrom", message: "must not be after releaseTo" }))
    : ok(undefined);

export const invalidCursor = () => badFields({ path: "query.cursor", message: "is not a cursor we issued" });
