/**
 * The hotline's whole contract, for tests, benchmarks and readers. No function imports it: each
 * route imports the modules its own schemas are in, so that a function builds only those.
 */
export * from "./contract-gaps";
export * from "./contract-municipality";
export * from "./contract-on-call";
export * from "./contract-ring";
export * from "./contract-schedule";
export * from "./contract-schedule-body";
export * from "./contract-scopes";
export * from "./contract-step";
export * from "./contract-telephony";
export * from "./contract-triage";
export * from "./contract-triage-list";
export * from "./contract-webhook-urls";
