/**
 * The settings table's keys (shared/resources SETTINGS_TABLE), the same for every service's store:
 * one partition per municipality, one item per change, sorted by when it was made. Keys hold a
 * kommunkod, an instant and an id we mint: no personal data.
 */
export const settingsPartition = (municipality: string): string => `MUNICIPALITY#${municipality}`;

export const CHANGE_PREFIX = "CHANGE#";

export const settingsChangeKey = (municipality: string, changedAt: string, id: string) => ({
  pk: settingsPartition(municipality),
  sk: `${CHANGE_PREFIX}${changedAt}#${id}`,
});
