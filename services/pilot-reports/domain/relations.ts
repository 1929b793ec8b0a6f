import { AGE_GROUPS, REFERRAL_KINDS } from "../../../shared/events/catalogue/intake";
import { INTERVENTION_TYPES } from "../../../shared/interventions";
import { ageGroupMetricId, kindMetricId } from "./catalogue";
import {
  DEADLINE_EXTENSIONS,
  EXTENDED_DEADLINES,
  extensionMetricId,
  INTERVENTIONS_STARTED,
  interventionAgeGroupMetricId,
  interventionTypeMetricId,
} from "./catalogue-interventions";

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
  {
    id: "interventions-by-type",
    total: INTERVENTIONS_STARTED,
    parts: INTERVENTION_TYPES.map(interventionTypeMetricId),
  },
  {
    id: "interventions-by-age-group",
    total: INTERVENTIONS_STARTED,
    parts: AGE_GROUPS.map(interventionAgeGroupMetricId),
  },
  {
    id: "deadline-extensions-by-deadline",
    total: DEADLINE_EXTENSIONS,
    parts: EXTENDED_DEADLINES.map(extensionMetricId),
  },
];
