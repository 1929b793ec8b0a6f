/**
 * Scopes that more than one service checks, spelled once: a token's scope string is a contract
 * with the identity provider, and two spellings of it would drift apart unnoticed.
 */

/** The hotline's on-call staff: triages and who is on call, and (in intake) the hotline's task inbox. */
export const HOTLINE_HANDLE_SCOPE = "hotline:handle";

/** The auditor: every service's audit trail, in their municipality (a national one names one). */
export const AUDIT_READ_SCOPE = "audit:read";
