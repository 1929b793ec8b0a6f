export { cachedSettingsReader, SETTINGS_CACHE_MS, type SettingsReader } from "./cache";
export { DEFAULT_SETTINGS } from "./defaults";
export { CHANGE_PREFIX, settingsChangeKey, settingsPartition } from "./keys";
export { changeInForce, scheduledAfter, settingsInForce, withDefaults } from "./resolve";
export {
  type ChosenSettings,
  chosenSettingsSchema,
  hotlineSettingsSchema,
  isoDate,
  NATIONAL_SUPPRESSION_THRESHOLD,
  type RoutingOverride,
  routingOverrideSchema,
  type Settings,
  type SettingsChange,
  settingsChangeSchema,
  settingsSchema,
} from "./schema";
