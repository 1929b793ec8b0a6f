/**
 * A municipality's own target for concluding an investigation that the law gives no period
 * (an adult's: the law asks for promptness only). A target is shown as a target and is never a
 * deadline: it is not swept, never breached, and emits nothing. It comes from the municipality's
 * settings (`adultInvestigationTargetDays`, none by default) in force on the day the investigation opens.
 */
import type { Settings } from "../../../shared/settings";
import { addCalendarDays, startOfStockholmDay, stockholmDate } from "../../../shared/time";

/** What a municipality's settings would say: conclude an adult's investigation within so many days. */
export interface TargetPolicy {
  readonly investigationDays: number;
}

export interface MunicipalTarget {
  readonly type: "investigation";
  readonly dueAt: string;
}

/** No target: the default (shared/settings). */
export const NO_TARGET: TargetPolicy | undefined = undefined;

/** The policy a municipality's settings give: none when `adultInvestigationTargetDays` is null. */
export const targetPolicyOf = (
  settings: Pick<Settings, "adultInvestigationTargetDays">,
): TargetPolicy | undefined =>
  settings.adultInvestigationTargetDays === null
    ? NO_TARGET
    : { investigationDays: settings.adultInvestigationTargetDays };

/** The target an investigation opened at `openedAt` gets under `policy`, if any: due when its last day ends. */
export const investigationTarget = (
  policy: TargetPolicy | undefined,
  openedAt: Date,
): MunicipalTarget | undefined =>
  policy === undefined
    ? undefined
    : {
        type: "investigation",
        dueAt: startOfStockholmDay(
          addCalendarDays(stockholmDate(openedAt), policy.investigationDays + 1),
        ).toISOString(),
      };

/** How a target stands at `now`: open, reached (the referral closed before it), or passed. Never "breached". */
export const targetState = (
  target: MunicipalTarget,
  closedAt: string | undefined,
  now: Date,
): "open" | "reached" | "passed" => {
  const due = Date.parse(target.dueAt);
  if (closedAt !== undefined) return Date.parse(closedAt) < due ? "reached" : "passed";
  return now.getTime() >= due ? "passed" : "open";
};
