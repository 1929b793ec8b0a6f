/** POST /v1/referrals: a report from a school, the Police, a person, or staff, about one person or several children. */
import { hasAnyScope } from "../../../shared/domain/caller";
import { DomainError, orThrow } from "../../../shared/domain/errors";
import { canonicalJson, keyedHash } from "../../../shared/hashing";
import { newId } from "../../../shared/ids";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { CreateReferralBody } from "../contract-report";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import type { Referral } from "../domain/referral";
import { checkReport, checkRulesInForce } from "../domain/report-checks";
import type { ReportedSubject } from "../domain/subject";
import { SCOPES } from "../scopes";
import { readIdempotency } from "../store/idempotency";
import { readReferralNamed } from "../store/reads";
import { combineWrites, commitWrite, conflictingParts, type IdempotencyClaim } from "../store/transaction";
import { actorOf, type RequestContext } from "./context";
import { placementOf, prepareReceipt, type Receipt, settingsOnReceipt } from "./receive-referral";
import { toView } from "./views";

type ReceiptView = { id: string; receivedAt: string };
export type Posted =
  | { readonly created: boolean; readonly body: ReferralView | ReceiptView }
  | { readonly created: boolean; readonly body: { groupId: string; items: ReceiptView[] } };

/** How many times a report is received again after a concurrent report for the same person took the unit's open case. */
const LINK_RETRIES = 3;
/** An Idempotency-Key answers with what it made for this long; DynamoDB's TTL then deletes it. */
const IDEMPOTENCY_DAYS = 30;

/**
 * The key is hashed with the caller and the municipality (so two systems' keys never meet), and
 * the request with each number in its canonical form (so the same person typed another way is the
 * same request). Both are keyed hashes: the table never holds the key or the body.
 */
const idempotencyClaim = (
  keys: KeyMaterial,
  header: string,
  caller: string,
  body: CreateReferralBody,
  subjects: readonly ReportedSubject[],
  now: Date,
): IdempotencyClaim => {
  const canonical = subjects.map((s, i) =>
    s.kind === "identified"
      ? { personalIdentityNumber: s.identity.canonical }
      : (body.subjects?.[i] ?? body.subject),
  );
  const request = body.subject ? { ...body, subject: canonical[0] } : { ...body, subjects: canonical };
  return {
    keyHash: keyedHash(keys.linkingKey, "idempotency", caller, body.municipality, header),
    requestHash: keyedHash(keys.linkingKey, "request", canonicalJson(request)),
    now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_DAYS * 86_400_000),
  };
};

/**
 * A write-only caller (a school's or the Police's e-service) learns that its report was received,
 * and nothing else: not whether the person has an open case, who the caseworker is, or the status.
 */
const mayReadReferrals = (context: RequestContext, municipality: string): boolean =>
  hasAnyScope(context.caller, [SCOPES.read]) && context.caller.municipality === municipality;

/** 201 with what was made, or 200 with what the same Idempotency-Key and body already made. */
export const postReferral = async (
  deps: IntakeDeps,
  body: CreateReferralBody,
  idempotencyKeyHeader: string | undefined,
  context: RequestContext,
): Promise<Posted> => {
  const now = deps.clock.now();
  const inputs = body.subject
    ? [{ path: "subject", subject: body.subject }]
    : (body.subjects ?? []).map((subject, i) => ({ path: `subjects.${i}`, subject }));
  const report = orThrow(
    checkReport(
      {
        municipality: body.municipality,
        subjects: inputs,
        ...(body.receivedAt ? { receivedAt: body.receivedAt } : {}),
        ...(body.backdatedReason ? { backdatedReason: body.backdatedReason } : {}),
      },
      context.caller,
      now,
    ),
  );
  const receipts: Receipt[] = report.subjects.map((subject) => ({
    municipality: body.municipality,
    kind: body.kind,
    subject,
    receivedAt: report.receivedAt,
    firstOffence: body.firstOffence ?? false,
    financialAssistance: false,
    reporterRole: body.reporter.role,
    reporter: { name: body.reporter.name, contact: body.reporter.contact },
    ...(body.guardians ? { guardians: body.guardians } : {}),
    ...(body.summary ? { summary: body.summary } : {}),
    ...(report.backdated && body.backdatedReason ? { backdatedReason: body.backdatedReason } : {}),
    ...(body.suspectedViolenceByCloseRelative
      ? { closeRelativeViolence: { at: now.toISOString(), by: context.caller.subject } }
      : {}),
  }));
  // Every child of one report is received by one municipality on one day: one set of settings.
  const settings = await settingsOnReceipt(deps, {
    municipality: body.municipality,
    receivedAt: report.receivedAt,
  });
  orThrow(
    checkRulesInForce(
      receipts.map((r) => {
        const placement = placementOf(r, settings);
        return {
          kind: r.kind,
          child: placement.child,
          firstOffence: r.firstOffence,
          financialAssistance: false,
          closeRelativeViolence: r.closeRelativeViolence !== undefined,
        };
      }),
      report.receivedAt,
    ),
  );
  const keys = await deps.keys.get();
  const idem = idempotencyKeyHeader
    ? idempotencyClaim(keys, idempotencyKeyHeader, context.caller.subject, body, report.subjects, now)
    : undefined;
  const group = body.subjects !== undefined;
  const full = !group && mayReadReferrals(context, body.municipality);

  const answer = (created: boolean, referrals: readonly Referral[], groupId?: string): Posted => {
    const receipts = referrals.map((r) => ({ id: r.id, receivedAt: r.receivedAt }));
    if (groupId !== undefined) return { created, body: { groupId, items: receipts } };
    const [one] = referrals;
    if (!one) throw new Error("a report made no referral");
    return { created, body: full ? toView(one, now) : { id: one.id, receivedAt: one.receivedAt } };
  };

  const replay = async (): Promise<Posted | undefined> => {
    if (!idem) return undefined;
    const row = await readIdempotency(deps, idem.keyHash, now);
    if (!row) return undefined;
    if (row.requestHash !== idem.requestHash) {
      throw new DomainError("conflict", "This Idempotency-Key was already used with a different body", {
        fields: [{ path: "header.idempotency-key", message: "was used for another request" }],
        code: "idempotency-conflict",
      });
    }
    const ids = row.referralIds ?? (row.referralId ? [row.referralId] : []);
    const made = await Promise.all(ids.map((id) => readReferralNamed(deps, id)));
    return answer(false, made, row.groupId);
  };

  const before = await replay();
  if (before) return before;

  const groupId = group ? newId(now.getTime()) : undefined;
  for (let attempt = 0; ; attempt++) {
    const prepared = [];
    for (const receipt of receipts) {
      prepared.push(
        await prepareReceipt(
          deps,
          { ...receipt, ...(groupId ? { groupId } : {}) },
          actorOf(context),
          now,
          group ? undefined : idem,
        ),
      );
    }
    const referrals = prepared.map((p) => p.referral);
    const write = combineWrites(
      deps,
      prepared.map((p) => p.write),
      group && idem && groupId
        ? { claim: idem, referralIds: referrals.map((r) => r.id), groupId }
        : undefined,
    );
    try {
      await commitWrite(
        deps.publisher,
        write,
        prepared.flatMap((p) => p.events),
      );
      for (const referral of referrals) {
        deps.logger.info("referral received", {
          referralId: referral.id,
          kind: referral.kind,
          unit: referral.unit,
          linked: referral.linkedReferralId !== undefined,
          ...(groupId ? { groupId } : {}),
        });
      }
      return answer(true, referrals, groupId);
    } catch (error) {
      const failed = conflictingParts(error, write);
      if (!failed) throw error;
      // A concurrent retry under the same key won: answer with what it made.
      if (failed.includes("idempotency")) {
        const after = await replay();
        if (after) return after;
      }
      // A concurrent referral for the same person took the unit's open case: received again, it links to it.
      if (failed.includes("open-case") && attempt < LINK_RETRIES) continue;
      throw error;
    }
  }
};
