import { parseIdentityNumber } from "./personnummer";

/** Ten or twelve digits, perhaps with the separator before the last four, standing alone. */
const CANDIDATE = /(?<!\d)(?:\d{6}|\d{8})[-+]?\d{4}(?!\d)/g;

/**
 * Whether a text a client chose (an id, an idempotency key, a correlation id) holds a valid
 * personnummer or samordningsnummer: such an id would carry a person into keys, logs, events and
 * URLs. Only numbers that pass the check digit count, so ordinary digit runs pass.
 */
export const containsIdentityNumber = (text: string, referenceDate: Date = new Date()): boolean => {
  for (const match of text.matchAll(CANDIDATE)) {
    if (parseIdentityNumber(match[0], referenceDate)) return true;
  }
  return false;
};

/** The rule in words, for a problem that names the field. */
export const IDENTITY_IN_ID_MESSAGE = "must not contain a personnummer or samordningsnummer";
