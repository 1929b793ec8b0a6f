/**
 * What each subscriber receives: intake, which links records, gets the sealed identities; every
 * other subscriber (pilot reports) gets each sealed value withheld, and still reads every event.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../../shared/events/catalogue";
import { type Envelope, envelopeSchema, WITHHELD_SEALED } from "../../../shared/events/envelope";
import { parseEvent } from "../../../shared/events/parse";
import { projectFor, SUBSCRIPTIONS } from "../../../shared/events/subscriptions";
import { seal, unseal } from "../../../shared/identity/seal";
import { readSamples } from "./fixture-files";

const SEALED_FORM = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Every string anywhere in a value. */
const strings = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
};

const samples = CATALOGUE.flatMap((contract) =>
  (readSamples(contract.type, contract.version) ?? []).map(
    (sample) => envelopeSchema().parse(sample) as Envelope,
  ),
);

describe("the events each subscriber receives", () => {
  it("has samples carrying sealed identities to project", () => {
    expect(samples.filter((e) => strings(e.data).some((s) => SEALED_FORM.test(s))).length).toBeGreaterThan(0);
  });

  it.each(samples.map((e) => [`${e.type} v${e.version}`, e] as const))(
    "pilot reports reads %s with every sealed value withheld",
    (_name, event) => {
      expect(SUBSCRIPTIONS["pilot-reports"]).toBe("all");
      const projected = projectFor("pilot-reports", event);
      for (const s of strings(projected.data).filter((v) => SEALED_FORM.test(v)))
        expect(s).toBe(WITHHELD_SEALED);
      const parsed = parseEvent(JSON.parse(JSON.stringify(projected)));
      expect(parsed.ok).toBe(true);
      // Only the sealed values changed.
      const unsealed = strings(event.data).filter((v) => !SEALED_FORM.test(v));
      expect(strings(projected.data).filter((v) => v !== WITHHELD_SEALED)).toEqual(unsealed);
    },
  );

  it("gives intake the event as produced", () => {
    for (const event of samples) expect(projectFor("intake", event)).toEqual(event);
  });

  it("withholds a real sealed identity, and the withheld value opens under no key", () => {
    const key = { kid: "k1", key: new Uint8Array(32).fill(7) };
    const sealed = seal("19121212-1212", key, "subject");
    const event = samples.find((e) => e.type === "release-notice.received");
    if (!event) throw new Error("no release-notice.received sample");
    const projected = projectFor("pilot-reports", {
      ...event,
      data: { ...(event.data as object), subjectSealed: sealed },
    });
    expect(JSON.stringify(projected)).not.toContain(sealed);
    expect(() => unseal(WITHHELD_SEALED, new Map([["k1", key.key]]), "subject")).toThrow();
  });
});
