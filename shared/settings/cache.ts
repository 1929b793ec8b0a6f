/**
 * A municipality's settings history kept a minute in the container, so that a rule applied to a
 * batch of records reads the table once. A change therefore reaches a running container within a
 * minute; changes take effect on dates, never at once, so nothing waits on it. The history, not the
 * settings resolved, is kept: the date the rule applies to is asked each time.
 */
import { monotonicMs } from "../runtime/monotonic";
import type { IsoDate } from "../time";
import { settingsInForce } from "./resolve";
import type { Settings, SettingsChange } from "./schema";

export const SETTINGS_CACHE_MS = 60_000;

/** What a service's rules get from its store: the settings in force for a municipality on a date. */
export interface SettingsReader {
  settingsOn(municipality: string, date: IsoDate): Promise<Settings>;
}

export const cachedSettingsReader = (
  load: (municipality: string) => Promise<readonly SettingsChange[]>,
  options: { readonly ttlMs?: number; readonly now?: () => number } = {},
): SettingsReader => {
  const ttlMs = options.ttlMs ?? SETTINGS_CACHE_MS;
  // Monotonic time, not the service's clock: a test that pins the clock must not pin the cache.
  const now = options.now ?? monotonicMs;
  const held = new Map<
    string,
    { readonly at: number; readonly history: Promise<readonly SettingsChange[]> }
  >();
  return {
    async settingsOn(municipality, date) {
      const cached = held.get(municipality);
      let history = cached && now() - cached.at < ttlMs ? cached.history : undefined;
      if (!history) {
        history = load(municipality);
        held.set(municipality, { at: now(), history });
        // A failed read is not kept: the next call tries again.
        history.catch(() => held.delete(municipality));
      }
      return settingsInForce(await history, date);
    },
  };
};
