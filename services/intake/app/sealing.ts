/**
 * Personal data in and out of its seal (AES-256-GCM, shared/identity). The domain and the table
 * only ever hold the sealed form; the views open it for the municipality's staff.
 */
import { currentSealingKey, seal, unseal } from "../../../shared/identity";
import type { KeyMaterial } from "../../../shared/runtime/keys";

export const sealIdentity = (keys: KeyMaterial, canonical: string): string =>
  seal(canonical, currentSealingKey(keys));

/** Free text is sealed to its referral: a sealed note copied onto another referral does not open. */
const noteAad = (referralId: string) => `intake:referral:${referralId}`;

/** Empty or absent text seals to nothing. */
export const sealNote = (
  keys: KeyMaterial,
  referralId: string,
  text: string | undefined,
): string | undefined =>
  text === undefined || text.length === 0
    ? undefined
    : seal(text, currentSealingKey(keys), noteAad(referralId));

export const openNote = (
  keys: KeyMaterial,
  referralId: string,
  sealed: string | undefined,
): string | undefined =>
  sealed === undefined ? undefined : unseal(sealed, keys.sealingKeys, noteAad(referralId));

export const openIdentity = (keys: KeyMaterial, sealed: string): string => unseal(sealed, keys.sealingKeys);
