/** The key new seals use: the one `sealingKid` names. Older keys stay in the ring to open old seals. */
export const currentSealingKey = (keys: {
  readonly sealingKid: string;
  readonly sealingKeys: ReadonlyMap<string, Uint8Array>;
}): { kid: string; key: Uint8Array } => {
  const key = keys.sealingKeys.get(keys.sealingKid);
  if (!key) throw new Error("the current sealing key is missing");
  return { kid: keys.sealingKid, key };
};
