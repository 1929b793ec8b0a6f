import { describe, expect, it } from "vitest";
import { openNote, sealLegacyNotes, sealNote } from "../../../services/release-notices/app/personal-data";
import type { MilestoneEntry, Notice } from "../../../services/release-notices/domain/notice";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../../shared/runtime/keys";
import { at, receivedNotice } from "./notice-fixtures";

const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);
const AT = at("2026-02-10T09:00:00Z");
const NOTE = "Ringt anstalten";
const notice = receivedNotice(at("2026-01-15T09:00:00+01:00"));
const other: Notice = { ...notice, id: "01JBBBBBBBBBBBBBBBBBBBBBBB" };

const entry = (noteSealed: string | undefined, overrides: Partial<MilestoneEntry> = {}): MilestoneEntry => ({
  milestone: "contact-made",
  at: AT.toISOString(),
  by: "handlaggare-7",
  ...(noteSealed ? { noteSealed } : {}),
  ...overrides,
});

describe("a milestone note", () => {
  it("is sealed (never the text) and opens on its own notice and entry", () => {
    const sealed = sealNote(keys, notice, "contact-made", AT, NOTE);
    expect(sealed).toMatch(/^v1\.dev1\./);
    expect(sealed).not.toContain(NOTE);
    expect(openNote(keys, notice, entry(sealed))).toBe(NOTE);
  });

  it("does not open on another notice, another milestone or another instant", () => {
    const sealed = sealNote(keys, notice, "contact-made", AT, NOTE);
    expect(() => openNote(keys, other, entry(sealed))).toThrow("sealed value could not be opened");
    expect(() => openNote(keys, notice, entry(sealed, { milestone: "plan-ready" }))).toThrow();
    expect(() => openNote(keys, notice, entry(sealed, { at: "2026-02-10T09:00:00.001Z" }))).toThrow();
  });

  it("that is empty or absent is not sealed", () => {
    expect(sealNote(keys, notice, "contact-made", AT, undefined)).toBeUndefined();
    expect(sealNote(keys, notice, "contact-made", AT, "")).toBeUndefined();
    expect(openNote(keys, notice, entry(undefined))).toBeUndefined();
  });
});

describe("notes stored in clear before notes were sealed", () => {
  const legacy: Notice = {
    ...notice,
    milestones: [entry(undefined, { legacyNote: NOTE }), entry(undefined)],
  };

  it("are read as they are", () => {
    expect(openNote(keys, legacy, legacy.milestones[0] as MilestoneEntry)).toBe(NOTE);
  });

  it("are sealed, bound like any note, leaving entries without a note alone", () => {
    const sealed = sealLegacyNotes(legacy, keys);
    expect(JSON.stringify(sealed)).not.toContain(NOTE);
    expect(sealed.milestones[0]).not.toHaveProperty("legacyNote");
    expect(sealed.milestones[1]).toEqual(entry(undefined));
    expect(openNote(keys, sealed, sealed.milestones[0] as MilestoneEntry)).toBe(NOTE);
  });

  it("leave a notice without them as it is", () => {
    expect(sealLegacyNotes(notice, keys)).toBe(notice);
  });
});
