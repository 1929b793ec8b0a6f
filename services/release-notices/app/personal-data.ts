import { canonicalJson, keyedHash } from "../../../shared/hashing";
import { currentSealingKey, type IdentityNumber, seal, subjectRef, unseal } from "../../../shared/identity";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { MilestoneEntry, Notice, PlanMilestone, Subject } from "../domain/notice";

/**
 * How the service protects personal data before the rules or the table see it: the identity
 * number linked by a keyed hash and sealed (AES-256-GCM), the staff's notes sealed and bound to
 * the milestone they belong to, request bodies remembered only as keyed hashes.
 */

/**
 * The key new seals are made with; older keys stay in the ring to open what they sealed.
 * Candidate for shared/: every service that seals looks it up the same way.
 */
/** The person as the notice keeps them: the linking reference and the sealed canonical number. */
export const subjectOf = (identity: IdentityNumber, keys: KeyMaterial): Subject => ({
  ref: subjectRef(identity, keys.linkingKey),
  sealed: seal(identity.canonical, currentSealingKey(keys)),
});

/** The identity number, opened for the municipality's staff. */
export const openSubject = (notice: Notice, keys: KeyMaterial): string =>
  unseal(notice.subjectSealed, keys.sealingKeys);

/** A keyed hash of a request body in canonical JSON: a retry is recognised, the body is not kept. */
export const requestHash = (keys: KeyMaterial, kind: "create" | "update", body: unknown): string =>
  keyedHash(keys.linkingKey, kind, canonicalJson(body));

/**
 * A note is bound to its notice and to its place in the plan (which milestone, when): a sealed
 * note copied onto another notice or another entry does not open.
 */
const noteAad = (notice: Notice, milestone: PlanMilestone, at: string): string =>
  `release-notices:milestone-note:${notice.id}:${milestone}:${at}`;

export const sealNote = (
  keys: KeyMaterial,
  notice: Notice,
  milestone: PlanMilestone,
  at: Date,
  text: string | undefined,
): string | undefined =>
  text === undefined || text.length === 0
    ? undefined
    : seal(text, currentSealingKey(keys), noteAad(notice, milestone, at.toISOString()));

export const openNote = (keys: KeyMaterial, notice: Notice, entry: MilestoneEntry): string | undefined =>
  entry.noteSealed === undefined
    ? entry.legacyNote
    : unseal(entry.noteSealed, keys.sealingKeys, noteAad(notice, entry.milestone, entry.at));

/** Notes stored in clear before notes were sealed are sealed when the notice next changes. */
export const sealLegacyNotes = (notice: Notice, keys: KeyMaterial): Notice =>
  notice.milestones.some((entry) => entry.legacyNote !== undefined)
    ? {
        ...notice,
        milestones: notice.milestones.map(({ legacyNote, ...entry }) => {
          const noteSealed = sealNote(keys, notice, entry.milestone, new Date(entry.at), legacyNote);
          return noteSealed ? { ...entry, noteSealed } : entry;
        }),
      }
    : notice;
