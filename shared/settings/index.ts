export { cachedSettingsReader, SETTINGS_CACHE_MS, type SettingsReader } from "./cache";
export { DEFAULT_SETTINGS } from "./defaults";
export { CHANGE_PREFIX, settingsChangeKey, settingsPartition } from "./keys";
export { changeInForce, scheduledAfter, settingsInForce, withDefaults } from "./resolve";
export {
  type ChosenSettings,
  NATIONAL_SUPPRESSION_THRESHOLD,
  type RoutingOverride,
  type Settings,
  type SettingsChange,
  settingsSchemas,
} from "./schema";
