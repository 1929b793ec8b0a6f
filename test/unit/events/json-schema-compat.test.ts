import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hotlineTriageCompleted, referralAssessed, referralReceived } from "../../../shared/events/catalogue";
import { compatibilityErrors, type JsonSchema } from "./json-schema-compat";

const schemaOf = (schema: z.core.$ZodType): JsonSchema =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" }) as JsonSchema;

const check = (before: z.core.$ZodType, after: z.core.$ZodType): string[] =>
  compatibilityErrors(schemaOf(before), schemaOf(after));

const base = z.object({
  id: z.string().max(64),
  kind: z.enum(["a", "b"]),
  count: z.number().int().min(0),
  note: z.string().optional(),
  items: z.array(z.object({ at: z.string(), n: z.number() })),
});

describe("compatibilityErrors", () => {
  it("accepts an unchanged schema and every catalogue schema against itself", () => {
    expect(check(base, base)).toEqual([]);
    for (const contract of [referralReceived, referralAssessed, hotlineTriageCompleted]) {
      expect(check(contract.data, contract.data)).toEqual([]);
    }
  });

  it("accepts compatible evolutions", () => {
    expect(check(base, base.extend({ extra: z.boolean().optional() })), "new optional field").toEqual([]);
    expect(check(base, base.extend({ kind: z.enum(["a", "b", "c"]) })), "enum grows").toEqual([]);
    expect(check(base, base.extend({ id: z.string().max(128) })), "bound widens").toEqual([]);
    expect(check(base, base.extend({ count: z.number().min(0) })), "integer to number").toEqual([]);
    expect(check(base, base.extend({ note: z.string().nullable().optional() })), "null allowed").toEqual([]);
  });

  it("reports a removed field, by path", () => {
    expect(check(base, base.omit({ kind: true }))).toEqual([expect.stringMatching(/^kind: removed/)]);
    const nested = base.extend({ items: z.array(z.object({ at: z.string() })) });
    expect(check(base, nested)).toEqual([expect.stringMatching(/^items\[\]\.n: removed/)]);
  });

  it("reports a field that changes between required and optional, or a new required one", () => {
    expect(check(base, base.extend({ id: z.string().max(64).optional() }))).toEqual([
      expect.stringContaining("id: was required, now optional"),
    ]);
    expect(check(base, base.extend({ note: z.string() }))).toEqual([
      expect.stringContaining("note: was optional, now required"),
    ]);
    expect(check(base, base.extend({ extra: z.boolean() }))).toEqual([
      expect.stringContaining("extra: new required field"),
    ]);
  });

  it("reports narrowed values, types and bounds", () => {
    expect(check(base, base.extend({ kind: z.enum(["a"]) }))).toEqual([
      expect.stringContaining('value "b" removed'),
    ]);
    expect(check(base, base.extend({ kind: z.literal("a") }))).toEqual([
      expect.stringContaining('value "b" removed'),
    ]);
    expect(check(base, base.extend({ count: z.string() }))).toEqual(
      expect.arrayContaining([expect.stringContaining("type integer no longer accepted")]),
    );
    expect(check(base.extend({ count: z.number() }), base)).toEqual(
      expect.arrayContaining([expect.stringContaining("type number no longer accepted")]),
    );
    expect(check(base, base.extend({ id: z.string().max(32) }))).toEqual([
      expect.stringContaining("maxLength narrowed from 64 to 32"),
    ]);
    expect(check(base, base.extend({ id: z.string().max(64).regex(/^x/) }))).toEqual([
      expect.stringContaining("id: pattern changed"),
    ]);
    expect(check(base.extend({ note: z.string().nullable().optional() }), base)).toEqual([
      "note: type null no longer accepted",
    ]);
  });

  it("reports an object that stops accepting properties it did not name", () => {
    expect(check(base, z.strictObject(base.shape))).toEqual([
      expect.stringContaining("no longer accepts properties it did not name"),
    ]);
  });

  it("matches union variants: one may be added, none removed or broken", () => {
    const union = z.discriminatedUnion("k", [
      z.object({ k: z.literal("x"), a: z.boolean() }),
      z.object({ k: z.literal("y") }),
    ]);
    const grown = z.discriminatedUnion("k", [...union.options, z.object({ k: z.literal("z") })]);
    expect(check(union, grown)).toEqual([]);
    expect(
      check(union, z.discriminatedUnion("k", [z.object({ k: z.literal("x"), a: z.boolean() })])),
    ).toEqual([expect.stringContaining("variant 2 has no compatible variant")]);
    const broken = z.discriminatedUnion("k", [
      z.object({ k: z.literal("x") }),
      z.object({ k: z.literal("y") }),
    ]);
    expect(check(union, broken)).toEqual([expect.stringMatching(/variant 1 .*a: removed/)]);
  });

  it("reports what it cannot judge instead of passing it", () => {
    const before: JsonSchema = { type: "object", properties: { a: { not: { type: "string" } } } };
    const after: JsonSchema = { type: "object", properties: { a: { not: { type: "number" } } } };
    expect(compatibilityErrors(before, after)).toEqual([expect.stringContaining("a: not changed")]);
  });

  it("catches a breaking edit to a real contract", () => {
    const withoutAgeGroup = z.object(referralReceived.data.shape).omit({ ageGroup: true });
    expect(check(referralReceived.data, withoutAgeGroup)).toEqual([
      expect.stringMatching(/^ageGroup: removed/),
    ]);
    const fewerUnits = z
      .object(referralReceived.data.shape)
      .extend({ unit: z.enum(["mottag-barn", "mottag-vuxen"]) });
    expect(check(referralReceived.data, fewerUnits)).toEqual([
      'unit: value "utredning-unga-vuxna" removed',
      'unit: value "ekonomiskt-bistand" removed',
    ]);
  });
});
