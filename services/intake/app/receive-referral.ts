/** A new referral, from a report or another service's event, ready to commit. */
import type { Envelope } from "../../../shared/events/envelope";
import { keyedHash } from "../../../shared/hashing";
import { subjectRef } from "../../../shared/identity";
import { newId } from "../../../shared/ids";
import type { Settings } from "../../../shared/settings";
import { stockholmDate } from "../../../shared/time";
import type { IntakeDeps } from "../deps";
import { localDeadlineRules } from "../domain/deadlines/local";
import { type NewReferral, placeReferral, receiveReferral } from "../domain/receipt";
import type { Referral } from "../domain/referral";
import { routingWithOverrides } from "../domain/routing";
import { ageOfSubject, type ReportedSubject, unidentifiedDescription } from "../domain/subject";
import { readOpenCase } from "../store/open-cases";
import type { IdempotencyClaim, PreparedWrite } from "../store/transaction";
import type { Actor } from "./context";
import { prepareTransition } from "./referral-changes";
import { sealIdentity, sealNote } from "./sealing";

export interface Contact {
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
}

/**
 * What a referral is received with: the person as reported (the number in clear, sealed here)
 * and the personal texts as typed (each sealed here to the new referral).
 */
export type Receipt = Omit<
  NewReferral,
  | "id"
  | "subjectRef"
  | "subjectSealed"
  | "unidentifiedSealed"
  | "summarySealed"
  | "reporterSealed"
  | "guardiansSealed"
  | "backdatedReasonSealed"
> & {
  readonly subject: ReportedSubject;
  readonly summary?: string;
  readonly reporter?: { readonly name?: string | undefined; readonly contact?: Contact | undefined };
  readonly guardians?: readonly { readonly name: string; readonly contact?: Contact | undefined }[];
  readonly backdatedReason?: string;
};

/**
 * The municipality's settings in force on the Swedish date the referral was received (a report
 * dated back falls under the settings of its own day).
 */
export const settingsOnReceipt = (
  deps: IntakeDeps,
  receipt: Pick<Receipt, "municipality" | "receivedAt">,
): Promise<Settings> => deps.settings.settingsOn(receipt.municipality, stockholmDate(receipt.receivedAt));

/**
 * The age the referral is routed by: from the number, the birth date or the approximate age given;
 * the table: the municipality's routing overrides, then the default rows.
 */
export const placementOf = (
  receipt: Pick<Receipt, "municipality" | "kind" | "subject" | "receivedAt" | "financialAssistance">,
  settings: Pick<Settings, "routing">,
) =>
  placeReferral(
    {
      municipality: receipt.municipality,
      kind: receipt.kind,
      age: ageOfSubject(receipt.subject, receipt.receivedAt),
      financialAssistance: receipt.financialAssistance,
    },
    routingWithOverrides(settings.routing),
  );

const sealedJson = (keys: Parameters<typeof sealNote>[0], id: string, value: unknown): string | undefined =>
  value === undefined ? undefined : sealNote(keys, id, JSON.stringify(value));

const nonEmpty = <T extends object>(value: T | undefined): T | undefined =>
  value && Object.values(value).some((v) => v !== undefined) ? value : undefined;

/**
 * Routes the referral, reads the person's open case in that unit (by the keyed hash of their
 * number), and lets the domain receive it: linked to that case, or opening its own. A person
 * without a number gets a placeholder reference keyed on the referral, which links nothing.
 */
export const prepareReceipt = async (
  deps: IntakeDeps,
  receipt: Receipt,
  actor: Actor,
  now: Date,
  idempotency?: IdempotencyClaim,
): Promise<{ referral: Referral; write: PreparedWrite; events: Envelope[] }> => {
  const keys = await deps.keys.get();
  const id = newId(now.getTime());
  const { subject, summary, reporter, guardians, backdatedReason, ...rest } = receipt;
  const settings = await settingsOnReceipt(deps, receipt);
  const placement = placementOf(receipt, settings);
  const identified = subject.kind === "identified" ? subject.identity : undefined;
  const ref = identified
    ? subjectRef(identified, keys.linkingKey)
    : keyedHash(keys.linkingKey, "unidentified", id);
  const open = identified ? await readOpenCase(deps, receipt.municipality, placement.unit, ref) : {};
  const sealed = {
    subjectSealed: identified ? sealIdentity(keys, identified.canonical) : undefined,
    unidentifiedSealed:
      subject.kind === "identified" ? undefined : sealedJson(keys, id, unidentifiedDescription(subject)),
    summarySealed: sealNote(keys, id, summary),
    reporterSealed: sealedJson(keys, id, nonEmpty(reporter)),
    guardiansSealed: guardians?.length ? sealedJson(keys, id, guardians) : undefined,
    backdatedReasonSealed: sealNote(keys, id, backdatedReason),
  };
  const transition = receiveReferral(
    {
      ...rest,
      id,
      subjectRef: ref,
      ...(identified ? { birthDate: identified.birthDate } : {}),
      ...Object.fromEntries(Object.entries(sealed).filter(([, v]) => v !== undefined)),
    },
    placement,
    open,
    actor.actor,
    now,
    localDeadlineRules(settings),
  );
  const prepared = prepareTransition(deps, transition, {
    correlationId: actor.correlationId,
    now,
    ...(idempotency ? { idempotency } : {}),
  });
  return { referral: transition.referral, ...prepared };
};
