/**
 * A referral's interventions as recorded, and finding one: what reading them needs. Apart from the
 * decisions (intervention.ts), which import the events' catalogue, so that the functions that only
 * read interventions build none of its schemas.
 */
import { type Decision, fail, notFound, ok } from "../../../shared/domain/errors";
import type { InterventionOutcome, InterventionType } from "../../../shared/interventions";
import type { IsoDate } from "../../../shared/time";
import type { Recorded } from "./referral";

export interface Intervention {
  readonly id: string;
  readonly type: InterventionType;
  /** What an `other` intervention is, sealed to the referral. */
  readonly descriptionSealed?: string;
  readonly noteSealed?: string;
  readonly decidedAt: IsoDate;
  readonly startedAt?: IsoDate;
  readonly endedAt?: IsoDate;
  readonly outcome?: InterventionOutcome;
  /** The first intervention recorded as started on the referral (what days-to-first counts). */
  readonly firstOnReferral?: true;
  /** Who recorded the decision, the start and the end, and when. */
  readonly recorded: Recorded;
  readonly startRecorded?: Recorded;
  readonly endRecorded?: Recorded;
}

/** A referral's interventions, oldest first; version 0 while none is stored. */
export interface InterventionLedger {
  readonly referralId: string;
  readonly interventions: readonly Intervention[];
  readonly version: number;
}

export const emptyLedger = (referralId: string): InterventionLedger => ({
  referralId,
  interventions: [],
  version: 0,
});

/** The intervention of this referral, or 404 (an id from another referral does not exist here). */
export const findIntervention = (ledger: InterventionLedger, id: string): Decision<Intervention> => {
  const found = ledger.interventions.find((i) => i.id === id);
  return found ? ok(found) : fail(notFound("No intervention with this id on this referral"));
};
