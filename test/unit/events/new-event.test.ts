/**
 * newEvent checks an event's data and the envelope fields its caller gives, and builds the rest
 * (id, type, version, time, source) itself without parsing the whole envelope: what it builds must
 * still be an envelope as every consumer parses it, key for key.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../../shared/events/catalogue";
import { envelopeSchema } from "../../../shared/events/envelope";
import { newEvent } from "../../../shared/events/outbox";
import { readSamples } from "./fixture-files";

const dataOf = (type: string, version: number): unknown => {
  const sample = readSamples(type, version)?.[0] as { data?: unknown } | undefined;
  if (!sample || sample.data === undefined) throw new Error(`no sample of ${type} v${version}`);
  return structuredClone(sample.data);
};

const build = (
  contract: (typeof CATALOGUE)[number],
  fields: { municipality: string; correlationId: string },
) =>
  newEvent(contract, {
    source: "intake",
    ...fields,
    occurredAt: new Date("2026-11-30T09:15:00.123Z"),
    // The samples are what the committed contract accepts; the type is each contract's own.
    data: dataOf(contract.type, contract.version) as never,
  });

describe("newEvent", () => {
  it.each(CATALOGUE.map((c) => [`${c.type} v${c.version}`, c] as const))(
    "builds %s as an envelope that parses to itself, in the envelope's key order",
    (_, contract) => {
      const event = build(contract, { municipality: "0880", correlationId: "req-1" });
      const parsed = envelopeSchema().parse(event);
      expect(parsed).toEqual(event);
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(event));
      expect(event).toMatchObject({
        type: contract.type,
        version: contract.version,
        occurredAt: "2026-11-30T09:15:00.123Z",
        municipality: "0880",
        source: "intake",
        correlationId: "req-1",
      });
    },
  );

  it("mints a new id for each event, in order", () => {
    const [contract] = CATALOGUE;
    const ids = Array.from(
      { length: 5 },
      () => build(contract, { municipality: "0880", correlationId: "c" }).id,
    );
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each([
    ["municipality", { municipality: "880", correlationId: "c" }, "must be a four-digit kommunkod"],
    ["correlationId", { municipality: "0880", correlationId: "" }, "Too small"],
    ["correlationId", { municipality: "0880", correlationId: "x".repeat(129) }, "Too big"],
  ])("refuses a %s that breaks the envelope's rule, naming the rule", (field, fields, words) => {
    const [contract] = CATALOGUE;
    expect(() => build(contract, fields)).toThrow(words);
    expect(() => build(contract, fields)).toThrow(field);
  });
});
