/** The states every deadline in the system moves through; one declaration for all services. */
export const DEADLINE_STATES = ["open", "met", "breached"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
