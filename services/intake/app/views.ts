/** What the API answers, built from the referral; personal data only in the staff's detail view (detail.ts). */

import type { ReferralView } from "../contract-view";
import { effectiveState } from "../domain/deadlines/states";
import { isActive, type Referral } from "../domain/referral";
import { targetState } from "../domain/targets";

/** A key only when there is a value: the answers never carry `"note": null`. */
export const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export const toView = (record: Referral, now: Date): ReferralView => ({
  id: record.id,
  municipality: record.municipality,
  kind: record.kind,
  unit: record.unit,
  ageGroup: record.ageGroup,
  status: record.status,
  receivedAt: record.receivedAt,
  ...optional("assignee", record.assignee),
  ...optional("source", record.source),
  ...optional("linkedReferralId", record.linkedReferralId),
  ...optional("identity", record.identity),
  ...optional("groupId", record.groupId),
  ...(record.closeRelativeViolence ? { suspectedViolenceByCloseRelative: true as const } : {}),
  deadlines: record.deadlines.map((d) => ({
    type: d.type,
    dueAt: d.dueAt,
    state: effectiveState(d, now, isActive(record)),
    ...optional("extendedFrom", d.extensions?.[0]?.previousDueAt),
  })),
  ...(record.target
    ? { target: { ...record.target, state: targetState(record.target, record.closure?.at, now) } }
    : {}),
});
