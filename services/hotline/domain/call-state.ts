/**
 * A call's states, apart from the call's rules (call.ts): the store's record schema needs them, and
 * a function that reads a schedule or a triage should not load the call events' contracts with it.
 */
export const CALL_STATES = ["ringing", "answered", "unanswered"] as const;
export type CallState = (typeof CALL_STATES)[number];
