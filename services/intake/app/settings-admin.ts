/** A municipality's administrator reads and changes its settings; every change is kept and audited. */
import { orThrow } from "../../../shared/domain/errors";
import {
  changeInForce,
  type SettingsChange,
  scheduledAfter,
  settingsInForce,
  withDefaults,
} from "../../../shared/settings";
import { stockholmDate } from "../../../shared/time";
import type {
  PutSettingsBody,
  SettingsChangeView,
  SettingsHistoryView,
  SettingsView,
} from "../contract-settings";
import type { IntakeDeps } from "../deps";
import { decideSettingsChange, mayAdminister } from "../domain/settings-change";
import { appendSettingsChange, readSettingsHistory } from "../store/settings";
import type { RequestContext } from "./context";

const changeView = (change: SettingsChange): SettingsChangeView => ({
  effectiveFrom: change.effectiveFrom,
  chosen: change.settings,
  settings: withDefaults(change.settings),
  changedBy: change.changedBy,
  changedAt: change.changedAt,
});

const settingsView = (municipality: string, history: readonly SettingsChange[], now: Date): SettingsView => {
  const today = stockholmDate(now);
  return {
    municipality,
    today,
    inForce: {
      since: changeInForce(history, today)?.effectiveFrom ?? null,
      settings: settingsInForce(history, today),
    },
    scheduled: scheduledAfter(history, today).map(changeView),
  };
};

/** Consistent: the administrator sees their own change at once (the rules may see it up to a minute later). */
const history = (deps: IntakeDeps, municipality: string) =>
  readSettingsHistory(deps, municipality, { consistent: true });

export const readSettings = async (
  deps: IntakeDeps,
  municipality: string,
  context: RequestContext,
): Promise<SettingsView> => {
  orThrow(mayAdminister(context.caller, municipality));
  return settingsView(municipality, await history(deps, municipality), deps.clock.now());
};

export const readSettingsHistoryView = async (
  deps: IntakeDeps,
  municipality: string,
  context: RequestContext,
): Promise<SettingsHistoryView> => {
  orThrow(mayAdminister(context.caller, municipality));
  const items = [...(await history(deps, municipality))].sort((a, b) =>
    a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0,
  );
  return { municipality, items: items.map(changeView) };
};

/** PUT: 200 with the settings as they now stand, whether the change was new or a repeat. */
export const changeSettings = async (
  deps: IntakeDeps,
  municipality: string,
  body: PutSettingsBody,
  context: RequestContext,
): Promise<SettingsView> => {
  orThrow(mayAdminister(context.caller, municipality));
  const now = deps.clock.now();
  const { effectiveFrom, ...settings } = body;
  const before = await history(deps, municipality);
  const outcome = orThrow(
    decideSettingsChange(before, { municipality, effectiveFrom, settings }, context.caller, now),
  );
  if (outcome.kind === "unchanged") return settingsView(municipality, before, now);
  await appendSettingsChange(deps, outcome.change, context.correlationId);
  deps.logger.info("settings changed", { municipality, effectiveFrom, fields: Object.keys(settings) });
  return settingsView(municipality, [...before, outcome.change], now);
};
