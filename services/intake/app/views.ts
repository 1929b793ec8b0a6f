import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { ReferralDetail, ReferralView } from "../contract";
import { effectiveState } from "../domain/deadlines/states";
import { isActive, type Referral } from "../domain/referral";
import { openIdentity, openNote } from "./sealing";

/** What the API answers, built from the referral: personal data only in the staff's detail view. */

/** A key only when there is a value: the answers never carry `"note": null`. */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export const toView = (record: Referral, now: Date): ReferralView => ({
  id: record.id,
  municipality: record.municipality,
  kind: record.kind,
  unit: record.unit,
  ageGroup: record.ageGroup,
  status: record.status,
  receivedAt: record.receivedAt,
  ...(record.assignee ? { assignee: record.assignee } : {}),
  ...(record.source ? { source: record.source } : {}),
  ...(record.linkedReferralId ? { linkedReferralId: record.linkedReferralId } : {}),
  deadlines: record.deadlines.map((d) => ({
    type: d.type,
    dueAt: d.dueAt,
    state: effectiveState(d, now, isActive(record)),
  })),
});

export const toDetail = (record: Referral, keys: KeyMaterial, now: Date): ReferralDetail => {
  const pa = record.protectionAssessment;
  const decision = record.decision;
  const conversation = record.firstOffenceConversation;
  const closure = record.closure;
  return {
    ...toView(record, now),
    subject: { personalIdentityNumber: openIdentity(keys, record.subjectSealed) },
    firstOffence: record.firstOffence,
    ...(record.reporterRole ? { reporter: { role: record.reporterRole } } : {}),
    ...optional("summary", openNote(keys, record.id, record.summarySealed)),
    ...(pa
      ? {
          protectionAssessment: {
            at: pa.at,
            by: pa.by,
            immediateProtectionNeeded: pa.immediateProtectionNeeded,
            ...optional("note", openNote(keys, record.id, pa.noteSealed)),
          },
        }
      : {}),
    ...(decision
      ? {
          decision: {
            at: decision.at,
            by: decision.by,
            openInvestigation: decision.openInvestigation,
            reason: openNote(keys, record.id, decision.reasonSealed) ?? "",
          },
        }
      : {}),
    ...(conversation
      ? {
          firstOffenceConversation: {
            at: conversation.at,
            by: conversation.by,
            ...optional("note", openNote(keys, record.id, conversation.noteSealed)),
          },
        }
      : {}),
    ...(closure
      ? {
          closure: {
            at: closure.at,
            by: closure.by,
            reason: closure.reason,
            ...optional("note", openNote(keys, record.id, closure.noteSealed)),
          },
        }
      : {}),
  };
};

export const caseworkerView = (record: {
  caseworkerId: string;
  unit: ReferralView["unit"];
  name: string;
  capacity: number;
  caseload: number;
}) => ({
  caseworkerId: record.caseworkerId,
  unit: record.unit,
  name: record.name,
  capacity: record.capacity,
  caseload: record.caseload,
});
