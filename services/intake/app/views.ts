import * as z from "zod/mini";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { ReferralDetail } from "../contract-detail";
import type { ReferralView } from "../contract-view";
import { effectiveState } from "../domain/deadlines/states";
import { hasDutyToReport, isActive, type LinkRow, type Referral } from "../domain/referral";
import { targetState } from "../domain/targets";
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

/** The sealed JSON intake writes (see receive-referral.ts), validated when opened like anything stored. */
const describedSchema = z.object({
  name: z.string(),
  birthDate: z.optional(z.string()),
  approximateAge: z.optional(z.number()),
});
const contactSchema = z.object({ phone: z.optional(z.string()), email: z.optional(z.string()) });
const reporterSchema = z.object({ name: z.optional(z.string()), contact: z.optional(contactSchema) });
const guardiansSchema = z.array(z.object({ name: z.string(), contact: z.optional(contactSchema) }));

const openJson = <S extends z.core.$ZodType>(
  schema: S,
  keys: KeyMaterial,
  id: string,
  sealed: string | undefined,
): z.output<S> | undefined => {
  const text = openNote(keys, id, sealed);
  if (text === undefined) return undefined;
  const parsed = z.safeParse(schema, JSON.parse(text));
  if (!parsed.success) throw new Error("a sealed record does not match its schema");
  return parsed.data;
};

const subjectOf = (record: Referral, keys: KeyMaterial) => {
  if (record.subjectSealed) return { personalIdentityNumber: openIdentity(keys, record.subjectSealed) };
  const described = openJson(describedSchema, keys, record.id, record.unidentifiedSealed);
  if (!described) throw new Error("a referral holds no person");
  return described;
};

export const toDetail = (
  record: Referral,
  keys: KeyMaterial,
  now: Date,
  links: readonly LinkRow[] = [],
): ReferralDetail => {
  const pa = record.protectionAssessment;
  const decision = record.decision;
  const conversation = record.firstOffenceConversation;
  const closure = record.closure;
  const reporter = openJson(reporterSchema, keys, record.id, record.reporterSealed);
  const extensions = record.deadlines.flatMap((d) =>
    (d.extensions ?? []).map((e) => ({
      type: d.type,
      at: e.at,
      by: e.by,
      previousDueAt: e.previousDueAt,
      dueAt: e.dueAt,
      reason: openNote(keys, record.id, e.reasonSealed) ?? "",
    })),
  );
  return {
    ...toView(record, now),
    subject: subjectOf(record, keys),
    ...(record.subjectSealed
      ? optional("reportedAs", openJson(describedSchema, keys, record.id, record.unidentifiedSealed))
      : {}),
    firstOffence: record.firstOffence,
    ...(record.reporterRole
      ? {
          reporter: {
            role: record.reporterRole,
            dutyToReport: hasDutyToReport(record.reporterRole),
            ...optional("name", reporter?.name),
            ...optional("contact", reporter?.contact),
          },
        }
      : {}),
    ...optional("guardians", openJson(guardiansSchema, keys, record.id, record.guardiansSealed)),
    ...optional("summary", openNote(keys, record.id, record.summarySealed)),
    ...optional("backdatedReason", openNote(keys, record.id, record.backdatedReasonSealed)),
    ...optional("suspectedViolence", record.closeRelativeViolence),
    ...(links.length
      ? { linkedReferrals: links.map((l) => ({ id: l.referralId, kind: l.kind, receivedAt: l.receivedAt })) }
      : {}),
    ...(extensions.length ? { extensions } : {}),
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
