/**
 * The shared settings table as release-notices reads it: a municipality's history of settings,
 * kept a minute in the container, resolved for the date a rule applies to (shared/settings).
 */
import { cachedSettingsReader, type SettingsReader } from "../../../shared/settings";
import { querySettingsHistory, type SettingsTable } from "../../../shared/settings/table";

export const settingsReader = (table: SettingsTable): SettingsReader =>
  cachedSettingsReader((municipality) => querySettingsHistory(table, municipality));
