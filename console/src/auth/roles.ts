/** What the signed-in user may do in the console, from the token's scopes (the API checks again). */
import type { Claims } from "./session";

export interface Capabilities {
  readonly intake: boolean;
  readonly intakeManage: boolean;
  readonly audit: boolean;
  readonly hotline: boolean;
  readonly hotlineAdmin: boolean;
  /** Uppgifter: intake's staff (theirs, any unit's), the hotline's on-call staff (its inbox only). */
  readonly tasks: boolean;
  readonly releaseNotices: boolean;
  readonly releaseManage: boolean;
  /** Kriminalvården's system and its integrator: posts notices, keeps its receiver of status changes. */
  readonly releaseWrite: boolean;
  /** The pilot reports: Socialstyrelsen without a municipality, or a municipality's own figures. */
  readonly reports: boolean;
  /** Kommunens administratör: the rules the municipality sets for itself. */
  readonly settingsAdmin: boolean;
}

export const capabilitiesOf = (claims: Claims): Capabilities => {
  const has = (scope: string) => claims.scopes.includes(scope);
  // Only municipal staff work referrals and triages: every one of these routes needs the claim.
  const municipal = claims.municipality !== undefined;
  return {
    intake: municipal && has("referrals:read"),
    intakeManage: municipal && has("referrals:manage"),
    audit: municipal && has("audit:read"),
    hotline: municipal && has("hotline:handle"),
    hotlineAdmin: municipal && has("hotline:admin"),
    tasks: municipal && (has("referrals:read") || has("hotline:handle")),
    releaseNotices: municipal && has("release-notices:read"),
    releaseManage: municipal && has("release-notices:manage"),
    releaseWrite: has("release-notices:write"),
    reports: has("reports:read"),
    settingsAdmin: municipal && has("settings:admin"),
  };
};

/** Where a user lands after signing in: the first thing their role does. */
export const homePath = (capabilities: Capabilities): string =>
  capabilities.intake
    ? "/arbetslista"
    : capabilities.hotline
      ? "/jour"
      : capabilities.hotlineAdmin
        ? "/jour/schema"
        : capabilities.releaseNotices
          ? "/frigivningar"
          : capabilities.reports
            ? "/rapporter"
            : capabilities.releaseWrite
              ? "/underrattelser"
              : capabilities.audit
                ? "/granskning"
                : capabilities.settingsAdmin
                  ? "/installningar"
                  : "/ingen-behorighet";
