/**
 * Where each deadline rule comes from, as looked up (public legal pages found with the project's search tool), with
 * what was verified and what was not. A citation that could not be checked says so; nothing here
 * is guessed. The rows in `rules.ts` point at these.
 */
import type { IsoDate } from "../../../../shared/time";

/** Where a rule comes from, for whoever checks the table against the law or the agreement. */
export type RuleSource =
  | {
      readonly kind: "statute";
      /** Act, chapter and paragraph, as precise as was verified. */
      readonly citation: string;
      /** The date the provision took effect (not the act's, when they differ). */
      readonly inForceFrom: IsoDate;
      readonly says: string;
      /** What was checked, and against what. */
      readonly verified: string;
      /** What could not be checked: the rule row is then marked unverified in the README. */
      readonly unverified?: string;
      /** Where the rule goes beyond the words of the law: this project's reading, said as such. */
      readonly interpretation?: string;
    }
  /** Not law: an agreement a municipality made; labelled so that nobody mistakes it for one. */
  | { readonly kind: "local-agreement"; readonly agreement: string; readonly says: string };

export const SOL_2001 = "Socialtjänstlag (2001:453)";
export const SOL_2025 = "Socialtjänstlag (2025:400)";

/** The new act took effect on 1 July 2025 with its provisions renumbered (prop. 2024/25:89). */
export const SOL_2025_FROM = "2025-07-01";

const NEW_ACT_UNVERIFIED =
  "The chapter and paragraph of SoL (2025:400) that carry this rule could not be verified; prop. 2024/25:89 calls the new act a linguistic and editorial modernisation of the old, so the period is kept as it was. The act and its date (1 July 2025) are verified: prop. 2024/25:89 and prop. 2025/26:12.";

const PROTECTION_SAYS =
  "skyddsbedömning: when a report about a child has come in, the board shall at once (genast) assess whether the child needs immediate protection";
const PRE_ASSESSMENT_SAYS =
  "förhandsbedömning: the decision whether to open an investigation within 14 days of the report, unless there are synnerliga skäl; none is needed when an investigation about the child is already under way";
const INVESTIGATION_SAYS =
  "an investigation into whether the board must act to protect or support a child shall be concluded within four months; for särskilda skäl the board may extend it for a set time";

export const SOURCES = {
  protection2013: {
    kind: "statute",
    citation: `${SOL_2001} 11 kap. 1 a § första stycket`,
    inForceFrom: "2013-01-01",
    says: PROTECTION_SAYS,
    verified:
      "The paragraph and its wording (hedersfortryck.se, lawline.se); the 11 kap. 1 a § time limits were introduced on 1 January 2013 (a municipal guideline quoting the act: 'Den 1 januari 2013 infördes en tidsgräns för förhandsbedömningar'); prop. 2012/13:10 p. 60: the assessment is made the same day, or the next day if the report came in late.",
    unverified:
      "That SFS 2012:776 is the amending act for this paragraph: 'Lag (2012:776)' was seen on 1 kap. 2 § of the same reform, not on 11 kap. 1 a § itself.",
    interpretation:
      "'Genast' is not a period counted in days, so lagen (1930:173) 2 § does not move it; due when the day after receipt ends, per prop. 2012/13:10.",
  },
  protectionViolence2014: {
    kind: "statute",
    citation: `${SOL_2001} 11 kap. 1 a § första stycket; Socialstyrelsens föreskrifter SOSFS 2014:4 om våld i nära relationer`,
    inForceFrom: "2014-10-01",
    says: "a child who may have been subjected to or witnessed violence by someone close: the board shall without delay (utan dröjsmål) open an investigation; the protection assessment is due at once (genast)",
    verified:
      "SOSFS 2014:4 took effect on 1 October 2014 and requires an investigation without delay when a child may have been subjected to violence by someone close (nck.uu.se, hedersfortryck.se).",
    unverified:
      "The chapter and paragraph of SOSFS 2014:4 (one page says 6 kap. 1 §) could not be confirmed.",
    interpretation:
      "Due when the day of receipt ends: this project's reading of 'genast' for such a report, as the issue asks; the law names no hour.",
  },
  preAssessment2013: {
    kind: "statute",
    citation: `${SOL_2001} 11 kap. 1 a § andra stycket`,
    inForceFrom: "2013-01-01",
    says: PRE_ASSESSMENT_SAYS,
    verified:
      "14 days from receipt, synnerliga skäl, and no decision needed when an investigation about the child is under way (lawline.se on 11:1 a andra stycket; kunskapsguiden.se); in force from 1 January 2013 (as for the protection assessment).",
    unverified: "As for the protection assessment: the SFS number of the amending act.",
    interpretation:
      "Lagen (1930:173) om beräkning av lagstadgad tid 2 § applies: its text covers any time by law within which an action shall be taken at the latest, and its own exceptions (detention hearings, contact bans) are authorities' time limits, so the board's are covered too. No statement by Socialstyrelsen or JO on these two time limits was found: this is our reading of the text.",
  },
  investigation2002: {
    kind: "statute",
    citation: `${SOL_2001} 11 kap. 2 §`,
    inForceFrom: "2002-01-01",
    says: INVESTIGATION_SAYS,
    verified:
      "JO's decisions quote 11 kap. 2 § SoL (2001:453) on the four months and the extension; the four-month rule dates from 1998 and stood in 11 kap. 2 § when the act took effect on 1 January 2002 (Länsstyrelsen i Jönköpings län, report 2003:33). It did not first take effect in 2013: only 11 kap. 1 a § did.",
    interpretation:
      "Four months counted by lagen (1930:173) 1 § (the same date four months on; the month's last day if there is none) and moved by its 2 § like the 14 days.",
  },
  applicationInvestigation2002: {
    kind: "statute",
    citation: `${SOL_2001} 11 kap. 1 § (an application is investigated) and 11 kap. 2 § (four months)`,
    inForceFrom: "2002-01-01",
    says: "an application (ansökan) opens an investigation without a förhandsbedömning; about a child, its four months run from receipt",
    verified:
      "11 kap. 1 §: the board shall without delay investigate what has come to its knowledge by application, report or otherwise (hedersfortryck.se); 11 kap. 1 a § concerns reports (anmälan) only.",
    interpretation:
      "The four months of 11 kap. 2 § counted from the application's receipt, as the issue asks.",
  },
} as const satisfies Record<string, RuleSource>;

/** The same rule under the new act: its citation names the act only, and says the provision is unverified. */
export const underNewAct = (source: Extract<RuleSource, { kind: "statute" }>): RuleSource => ({
  ...source,
  citation: `${SOL_2025} (provision unverified; before: ${source.citation})`,
  inForceFrom: SOL_2025_FROM,
  unverified: NEW_ACT_UNVERIFIED,
});
