/**
 * A municipality's administrator changes its settings, pure: only for the caller's own
 * municipality, from a date not in the past. The same change again (the latest one, repeated) is
 * no new change, so a retried PUT adds nothing to the history.
 */
import type { Caller } from "../../../shared/domain/caller";
import { type Decision, fail, forbidden, ok, unprocessable } from "../../../shared/domain/errors";
import type { ChosenSettings, SettingsChange } from "../../../shared/settings";
import { type IsoDate, stockholmDate } from "../../../shared/time";

export interface SettingsCommand {
  readonly municipality: string;
  readonly effectiveFrom: IsoDate;
  readonly settings: ChosenSettings;
}

export type SettingsOutcome =
  | { readonly kind: "changed"; readonly change: SettingsChange }
  | { readonly kind: "unchanged"; readonly change: SettingsChange };

/** Settings are the municipality's own: a token for another, or for none, may neither read nor change them. */
export const mayAdminister = (caller: Caller, municipality: string): Decision<string> =>
  caller.municipality === municipality
    ? ok(municipality)
    : fail(forbidden("Only the municipality's own administrator may see or change its settings"));

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

export const decideSettingsChange = (
  history: readonly SettingsChange[],
  command: SettingsCommand,
  caller: Caller,
  now: Date,
): Decision<SettingsOutcome> => {
  const access = mayAdminister(caller, command.municipality);
  if (!access.ok) return access;
  const today = stockholmDate(now);
  if (command.effectiveFrom < today) {
    return fail(
      unprocessable("Settings cannot change in the past", {
        fields: [{ path: "effectiveFrom", message: `must be today (${today}) or later` }],
      }),
    );
  }
  const latest = history.reduce<SettingsChange | undefined>(
    (held, change) => (held && held.changedAt > change.changedAt ? held : change),
    undefined,
  );
  if (
    latest &&
    latest.effectiveFrom === command.effectiveFrom &&
    canonical(latest.settings) === canonical(command.settings)
  ) {
    return ok({ kind: "unchanged", change: latest });
  }
  return ok({
    kind: "changed",
    change: {
      municipality: command.municipality,
      effectiveFrom: command.effectiveFrom,
      settings: command.settings,
      changedBy: caller.subject,
      changedAt: now.toISOString(),
    },
  });
};
