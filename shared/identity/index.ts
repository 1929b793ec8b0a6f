export { subjectRef } from "./link";
export type { IdentityKind, IdentityNumber } from "./personnummer";
export { ageOn, isoDateInStockholm, parseIdentityNumber } from "./personnummer";
export { seal, unseal } from "./seal";
