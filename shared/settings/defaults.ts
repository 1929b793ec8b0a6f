/**
 * The defaults: what every municipality has until it sets something else. The only place these
 * values live; each cites where it comes from. What is not law is labelled as such.
 */
import { NATIONAL_SUPPRESSION_THRESHOLD, type Settings } from "./schema";

export const DEFAULT_SETTINGS = {
  // Default: no overrides; the national routing table (services/intake/domain/routing.ts) applies.
  routing: [],
  // Local agreement, not law: Stockholm's agreement of a conversation with the youth within 48 hours
  // of a police referral of a first offence (the seed material); no statute sets it.
  firstOffenceConversationHours: 48,
  // Local agreement, not law: Botkyrka's written agreement with Kriminalvården, notice three
  // calendar months before the release; each municipality agrees its own lead.
  releaseNoticeLeadMonths: 3,
  // Law: no period for an adult. Socialtjänstlag (2001:453) 11 kap. 1 § asks the board to open an
  // investigation without delay (utan dröjsmål) and 11 kap. 2 § sets four months for an
  // investigation about a child only (verified: JO dnr 2565-2016 on 11 kap. 2 §, lagen.nu;
  // hedersfortryck.se on 11 kap. 1 §; the act took effect on 1 January 2002).
  // Socialtjänstlag (2025:400), in force 1 July 2025, renumbered them: the new numbers are unverified.
  adultInvestigationTargetDays: null,
  hotline: {
    // Local agreement, not law: the hotline's agreed way of working (no statute sets these times).
    acknowledgeMinutes: 30,
    // Local agreement, not law: nobody has spoken to an unanswered caller yet, so the manager hears sooner.
    escalateMinutes: 15,
  },
  // Default: the national threshold of the pilot reports' disclosure control (this project's rule
  // for Socialstyrelsen's förstärkningsteam, not law); a municipality may only raise it.
  suppressionThreshold: NATIONAL_SUPPRESSION_THRESHOLD,
} as const satisfies Settings;
