/**
 * The contract, one module per part, so that a function's bundle builds only the schemas of its
 * own route as it loads (a module that is imported builds every schema in it). This file names
 * them all, for tests and tools: nothing a function loads imports it.
 */
export * from "./contract-fields";
export * from "./contract-metrics";
export * from "./contract-period";
export * from "./contract-report";
export * from "./contract-submission";
export * from "./contract-submission-body";
export * from "./contract-submissions";
export * from "./contract-terms";
