/** The intake tests' people, tokens and report bodies. Ages are on the usual receipt day, 23 November 2026. */
import type { Claims } from "./http";
import { personnummer } from "./identities";

/** 14 years old: a child. */
export const CHILD = personnummer("20120510", "123");
/** Turns 18 on 24 November 2026. */
export const TURNS_18 = personnummer("20081124", "234");
/** 24: a young adult. */
export const YOUNG_ADULT = personnummer("20020202", "345");
/** 40. */
export const ADULT = personnummer("19860606", "456");

export const SCOPE = {
  write: "referrals:write",
  read: "referrals:read",
  manage: "referrals:manage",
  audit: "audit:read",
};

export const staff = (municipality: string, sub = `handlaggare-${municipality}`): Claims => ({
  sub,
  scope: `${SCOPE.read} ${SCOPE.manage} ${SCOPE.audit}`,
  municipality,
});
/** Staff posting a report by hand: may post, and read what they posted (so they get the referral back). */
export const desk = (municipality = "0880", sub = "intake-desk"): Claims => ({
  sub,
  scope: `${SCOPE.write} ${SCOPE.read}`,
  municipality,
});
/** A school's or the Police's system: may post referrals, for one municipality or any. */
export const reporter = (municipality?: string): Claims => ({
  sub: "reporting-system",
  scope: municipality ? SCOPE.write : `${SCOPE.write} national`,
  ...(municipality ? { municipality } : {}),
});

export type SubjectBody =
  | { personalIdentityNumber: string }
  | { name: string; birthDate: string }
  | { name: string; approximateAge: number };
export interface Contact {
  phone?: string;
  email?: string;
}

export interface ReferralBody {
  kind: string;
  municipality: string;
  subject?: SubjectBody;
  subjects?: SubjectBody[];
  receivedAt?: string;
  backdatedReason?: string;
  firstOffence?: boolean;
  suspectedViolenceByCloseRelative?: boolean;
  reporter: { role: string; name?: string; contact?: Contact };
  guardians?: { name: string; contact?: Contact }[];
  summary?: string;
}

export const SUMMARY = "Eleven berättar om hot från en äldre kamrat; mamman Lisa Svensson är orolig.";

export const referralBody = (overrides: Partial<ReferralBody> = {}): ReferralBody => ({
  kind: "concern",
  municipality: "0880",
  subject: { personalIdentityNumber: CHILD.thirteen },
  reporter: { role: "school" },
  summary: SUMMARY,
  ...overrides,
});
