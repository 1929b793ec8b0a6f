/** POST /v1/referrals: a report from a school, the Police, a person, or staff. */
import { DomainError, orThrow } from "../../../shared/domain/errors";
import { canonicalJson, keyedHash } from "../../../shared/hashing";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { CreateReferralBody, ReferralView } from "../contract";
import type { IntakeDeps } from "../deps";
import { checkReport } from "../domain/receipt";
import { readIdempotency, readReferralNamed } from "../store/reads";
import { commitWrite, conflictingParts, type IdempotencyClaim } from "../store/transaction";
import { actorOf, type RequestContext } from "./context";
import { prepareReceipt } from "./receive-referral";
import { toView } from "./views";

type Posted = { created: boolean; referral: ReferralView };

/** How many times a report is received again after a concurrent report for the same person took the unit's open case. */
const LINK_RETRIES = 3;

/**
 * The key is hashed with the caller and the municipality (so two systems' keys never meet), and
 * the request with the number in its canonical form (so the same person typed another way is the
 * same request). Both are keyed hashes: the table never holds the key or the body.
 */
const idempotencyClaim = (
  keys: KeyMaterial,
  header: string,
  caller: string,
  body: CreateReferralBody,
  canonical: string,
): IdempotencyClaim => ({
  keyHash: keyedHash(keys.linkingKey, "idempotency", caller, body.municipality, header),
  requestHash: keyedHash(
    keys.linkingKey,
    "request",
    canonicalJson({ ...body, subject: { personalIdentityNumber: canonical } }),
  ),
});

/** 201 with a new referral, or 200 with the one the same Idempotency-Key and body already made. */
export const postReferral = async (
  deps: IntakeDeps,
  body: CreateReferralBody,
  idempotencyKeyHeader: string | undefined,
  context: RequestContext,
): Promise<Posted> => {
  const now = deps.clock.now();
  const { identity, receivedAt } = orThrow(
    checkReport(
      {
        municipality: body.municipality,
        personalIdentityNumber: body.subject.personalIdentityNumber,
        ...(body.receivedAt ? { receivedAt: body.receivedAt } : {}),
      },
      context.caller,
      now,
    ),
  );
  const keys = await deps.keys.get();
  const idem = idempotencyKeyHeader
    ? idempotencyClaim(keys, idempotencyKeyHeader, context.caller.subject, body, identity.canonical)
    : undefined;

  const replay = async (): Promise<Posted | undefined> => {
    if (!idem) return undefined;
    const row = await readIdempotency(deps, idem.keyHash);
    if (!row) return undefined;
    if (row.requestHash !== idem.requestHash) {
      throw new DomainError("conflict", "This Idempotency-Key was already used with a different body", {
        fields: [{ path: "header.idempotency-key", message: "was used for another request" }],
        code: "idempotency-conflict",
      });
    }
    return { created: false, referral: toView(await readReferralNamed(deps, row.referralId), now) };
  };

  const before = await replay();
  if (before) return before;

  for (let attempt = 0; ; attempt++) {
    const receipt = await prepareReceipt(
      deps,
      {
        municipality: body.municipality,
        kind: body.kind,
        identity,
        receivedAt,
        firstOffence: body.firstOffence ?? false,
        financialAssistance: false,
        reporterRole: body.reporter.role,
        ...(body.summary ? { summary: body.summary } : {}),
      },
      actorOf(context),
      now,
      idem,
    );
    try {
      await commitWrite(deps.publisher, receipt.write, receipt.events);
      deps.logger.info("referral received", {
        referralId: receipt.referral.id,
        kind: receipt.referral.kind,
        unit: receipt.referral.unit,
        linked: receipt.referral.linkedReferralId !== undefined,
      });
      return { created: true, referral: toView(receipt.referral, now) };
    } catch (error) {
      const failed = conflictingParts(error, receipt.write);
      if (!failed) throw error;
      // A concurrent retry under the same key won: answer with its referral.
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
