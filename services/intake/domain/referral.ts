import type { Caller } from "../../../shared/domain/caller";
import { conflict, type Decision, fail, notFound, ok } from "../../../shared/domain/errors";
import type {
  CLOSE_REASONS,
  REFERRAL_SOURCE_TYPES,
  REPORTER_ROLES,
} from "../../../shared/events/catalogue/intake";
import { draft, type EventDraft } from "../../../shared/events/draft";

export { draft, type EventDraft };

import { type AgeGroup, isChildGroup } from "./age";
import type { DeadlineFacts } from "./deadlines/schedule";
import type { Deadline } from "./deadlines/states";
import type { ReferralKind, Unit } from "./routing";
import type { MunicipalTarget } from "./targets";

export const REFERRAL_STATUSES = ["open", "investigating", "closed", "withdrawn"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type CloseReason = (typeof CLOSE_REASONS)[number];
export type SourceType = (typeof REFERRAL_SOURCE_TYPES)[number];
export type ReporterRole = (typeof REPORTER_ROLES)[number];

/** Who did a step and when. */
export interface Recorded {
  readonly at: string;
  readonly by: string;
}

export interface Referral {
  readonly id: string;
  readonly municipality: string;
  readonly kind: ReferralKind;
  readonly unit: Unit;
  readonly ageGroup: AgeGroup;
  readonly status: ReferralStatus;
  readonly receivedAt: string;
  readonly updatedAt: string;
  /**
   * The keyed hash of the identity number: links the person's referrals without the number. For
   * a person not yet identified, a placeholder keyed on the referral that links nothing.
   */
  readonly subjectRef: string;
  /** The identity number, sealed; absent while the person is not identified. */
  readonly subjectSealed?: string;
  /** `unknown` while the report named the person only by name and (approximate) age. */
  readonly identity?: "unknown";
  /** The name and birth date or approximate age the report gave, sealed to the referral. */
  readonly unidentifiedSealed?: string;
  /** The referrals made from one report about several children (siblings) share it. */
  readonly groupId?: string;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
  readonly reporterRole?: ReporterRole;
  /** The reporter's name and contact, sealed to the referral. */
  readonly reporterSealed?: string;
  /** The guardians' names and contacts, sealed to the referral. */
  readonly guardiansSealed?: string;
  /** Free text, sealed like the identity. */
  readonly summarySealed?: string;
  /** Why a report that came on paper or by phone is dated back, sealed. */
  readonly backdatedReasonSealed?: string;
  /** Suspected violence against the child by someone close: who marked it and when. */
  readonly closeRelativeViolence?: Recorded;
  readonly source?: { readonly type: SourceType; readonly id: string };
  /** The release notice's latest update applied, so that an older one arriving late changes nothing. */
  readonly sourceUpdatedAt?: string;
  /** The person's open referral in the unit that this one joined: the same case. */
  readonly linkedReferralId?: string;
  /** Linked to an investigation already under way about the child: no förhandsbedömning of its own. */
  readonly joinedInvestigation?: boolean;
  /** A municipality's own target for the investigation (never a legal deadline). */
  readonly target?: MunicipalTarget;
  readonly assignee?: string;
  readonly deadlines: readonly Deadline[];
  readonly protectionAssessment?: Recorded & {
    readonly immediateProtectionNeeded: boolean;
    readonly noteSealed?: string;
  };
  readonly decision?: Recorded & { readonly openInvestigation: boolean; readonly reasonSealed: string };
  readonly firstOffenceConversation?: Recorded & { readonly noteSealed?: string };
  readonly closure?: Recorded & { readonly reason: CloseReason; readonly noteSealed?: string };
  /** Optimistic concurrency: every change is conditioned on the version it was decided from. */
  readonly version: number;
  /** Exempt from gallring for research (domain/retention.ts): set when the person becomes known. */
  readonly keptForResearch?: true;
}

export const isActive = (referral: Pick<Referral, "status">): boolean =>
  referral.status === "open" || referral.status === "investigating";

/** Only an open or investigating referral can be worked; a closed one is a conflict. */
export const requireActive = (referral: Referral): Decision<Referral> =>
  isActive(referral) ? ok(referral) : fail(conflict(`The referral is ${referral.status}`, "not-active"));

/** A referral linked to the person's open one is the same case: it does not add to a caseload. */
export const countsTowardCaseload = (referral: Referral): boolean => referral.linkedReferralId === undefined;

/** What the deadline rules may look at, as the referral records it. */
export const deadlineFactsOf = (referral: Referral): DeadlineFacts => ({
  kind: referral.kind,
  child: isChildGroup(referral.ageGroup),
  firstOffence: referral.firstOffence,
  financialAssistance: referral.financialAssistance,
  joinsInvestigation: referral.joinedInvestigation ?? false,
  closeRelativeViolence: referral.closeRelativeViolence !== undefined,
});

/** A child's report whose förhandsbedömning is still to record: closing it first needs a reason. */
export const decisionDue = (referral: Referral): boolean =>
  referral.decision === undefined && referral.deadlines.some((d) => d.type === "pre-assessment");

/** Municipal staff see their own municipality's referrals; another's does not exist as far as they can tell. */
export const visibleTo = (
  referral: Referral | undefined,
  caller: Pick<Caller, "municipality">,
): Decision<Referral> =>
  referral && referral.municipality === caller.municipality
    ? ok(referral)
    : fail<Referral>(notFound("No referral with this id"));

// ---------------------------------------------------------------------------------------------
// What a decision returns

/** An event to emit, as its contract and data; the application layer wraps it in an envelope. */
/** Who did what to which referral, when: one audit row. */
export interface AuditFact {
  readonly referralId: string;
  readonly action: string;
  readonly actor: string;
  readonly at: Date;
}

/** A caseworker's count of cases, moved by one. */
export interface CaseloadChange {
  readonly caseworkerId: string;
  readonly delta: 1 | -1;
}

/**
 * The person's open case in the referral's unit: `claim` makes this referral the one new referrals
 * for the person link to (replacing the closed referral the row still names, if any); `release`
 * frees the place, so that the next referral opens a case of its own.
 */
export type OpenCaseChange =
  | { readonly kind: "claim"; readonly replacing?: string }
  | { readonly kind: "release" };

/** A decided change to one referral: its new state and everything that goes with it, committed at once. */
export interface Transition {
  readonly referral: Referral;
  /** The version the change was decided from; undefined for a new referral. */
  readonly expectedVersion: number | undefined;
  readonly events: readonly EventDraft[];
  readonly audit: readonly AuditFact[];
  readonly caseload?: readonly CaseloadChange[];
  readonly openCase?: OpenCaseChange;
  /** The source (a release notice, a hotline triage's purpose) this new referral was made from. */
  readonly claimsSource?: { readonly type: SourceType; readonly id: string; readonly purpose: string };
  /** Recorded beside the open referral this one was linked to, so that it shows there. */
  readonly linkRow?: LinkRow;
}

/** A referral linked to another, as the other one lists it: nothing personal. */
export interface LinkRow {
  readonly openReferralId: string;
  readonly referralId: string;
  readonly kind: ReferralKind;
  readonly receivedAt: string;
}

/** The next version of a referral, changed at `now`. */
export const revise = (current: Referral, change: Partial<Referral>, now: Date): Referral => ({
  ...current,
  ...change,
  updatedAt: now.toISOString(),
  version: current.version + 1,
});

/**
 * Reporters whose role carries a duty to report concern for a child (anmälningsskyldighet, SoL
 * (2001:453) 14 kap. 1 §: authorities and professionals in schools, health care, the Police and
 * the social services): noted by the role, whoever the person is.
 */
const DUTY_TO_REPORT_ROLES: readonly ReporterRole[] = ["school", "police", "healthcare", "social-services"];
export const hasDutyToReport = (role: ReporterRole): boolean => DUTY_TO_REPORT_ROLES.includes(role);
