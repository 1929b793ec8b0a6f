/**
 * The referral API's schemas in one place, for the tests that check answers against them. Nothing
 * under services/ imports this module: a module that is loaded builds every schema it holds
 * (test/bench/zod-count.ts), so each function imports the contract-*.ts modules its route needs.
 */
export * from "./contract-audit";
export * from "./contract-caseworkers";
export * from "./contract-detail";
export * from "./contract-fields";
export * from "./contract-identity";
export * from "./contract-ids";
export * from "./contract-list";
export * from "./contract-report";
export * from "./contract-view";
export { SCOPES } from "./scopes";
