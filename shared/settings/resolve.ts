/**
 * Which settings are in force on a date, from a municipality's history of changes. Pure.
 *
 * A change replaces the settings from its `effectiveFrom` on, also any change scheduled later
 * that was made before it. So on a date D the settings in force are those of the change made last
 * (latest `changedAt`) among the changes whose `effectiveFrom` is on or before D; with none, the
 * defaults. The history is only ever appended to, so every past answer can be given again.
 */
import type { IsoDate } from "../time";
import { DEFAULT_SETTINGS } from "./defaults";
import type { ChosenSettings, Settings, SettingsChange } from "./schema";

/** Fields left out keep their defaults; `hotline` is one field and is replaced whole. */
export const withDefaults = (chosen: ChosenSettings): Settings => ({ ...DEFAULT_SETTINGS, ...chosen });

const madeLater = (a: SettingsChange, b: SettingsChange): boolean => a.changedAt > b.changedAt;

/** The change that governs `date`, if any. Ties in `changedAt` go to the later entry in the list. */
export const changeInForce = (
  history: readonly SettingsChange[],
  date: IsoDate,
): SettingsChange | undefined => {
  let governing: SettingsChange | undefined;
  for (const change of history) {
    if (change.effectiveFrom > date) continue;
    if (!governing || !madeLater(governing, change)) governing = change;
  }
  return governing;
};

export const settingsInForce = (history: readonly SettingsChange[], date: IsoDate): Settings => {
  const change = changeInForce(history, date);
  return change ? withDefaults(change.settings) : DEFAULT_SETTINGS;
};

/**
 * The changes still to take effect after `date`, in the order they will: those that no change
 * made later replaces (a later change whose `effectiveFrom` is on or before theirs).
 */
export const scheduledAfter = (history: readonly SettingsChange[], date: IsoDate): SettingsChange[] =>
  history
    .filter((change) => change.effectiveFrom > date)
    .filter(
      (change) =>
        !history.some(
          (other) =>
            other !== change && madeLater(other, change) && other.effectiveFrom <= change.effectiveFrom,
        ),
    )
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
