/**
 * The referral for the municipality's staff (GET /v1/referrals/{id}): the person and the notes
 * opened. Apart from views.ts, so that only that function builds the sealed records' schemas.
 */
import * as z from "zod/mini";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { ReferralDetail } from "../contract-detail";
import { hasDutyToReport, type LinkRow, type Referral } from "../domain/referral";
import { openIdentity, openNote } from "./sealing";
import { optional, toView } from "./views";

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
