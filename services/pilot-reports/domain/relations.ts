import { AGE_GROUPS, REFERRAL_KINDS } from "../../../shared/events/catalogue/intake";
import { ageGroupMetricId, kindMetricId } from "./catalogue";

/**
 * Every exact linear relation between the figures of one municipality and month: `total` equals
 * the sum of `parts`. These are the ways a reader could work a suppressed figure out again from
 * the figures shown, so disclosure control protects against exactly these. Figures of different
 * months or municipalities are never summed in the report, so no relation crosses them.
 *
 * Inequalities (answered-first ≤ calls) give bounds, not values, and are not listed.
 */
export interface Relation {
  readonly id: string;
  readonly total: string;
  readonly parts: readonly string[];
}

export const RELATIONS: readonly Relation[] = [
  {
    id: "release-notices-by-timeliness",
    total: "release-notices-received",
    parts: ["release-notices-on-time", "release-notices-late"],
  },
  {
    id: "referrals-by-kind",
    total: "referrals-received",
    parts: REFERRAL_KINDS.map(kindMetricId),
  },
  {
    id: "referrals-by-age-group",
    total: "referrals-received",
    parts: AGE_GROUPS.map(ageGroupMetricId),
  },
];
