export { currentSealingKey } from "./current-key";
export { containsIdentityNumber, IDENTITY_IN_ID_MESSAGE } from "./in-text";
export { subjectRef } from "./link";
export type { IdentityKind, IdentityNumber } from "./personnummer";
export { ageOn, isoDateInStockholm, parseIdentityNumber } from "./personnummer";
export { seal, unseal } from "./seal";
