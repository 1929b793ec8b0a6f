import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { CATALOGUE } from "../../../shared/events/catalogue";
import { envelopeSchema, sealedSchema, subjectRefSchema } from "../../../shared/events/envelope";
import { currentSchema, readSamples } from "./fixture-files";
import type { JsonSchema } from "./json-schema-compat";

/*
 * Events carry no personnummer, name or phone number in clear (DESIGN.md, Events). A schema can't
 * see what a producer puts in a string, but it can see what a field is called: these names are
 * refused, so that carrying such data takes a deliberate, reviewed exception here.
 */
const FORBIDDEN = [
  /personnummer/i,
  /samordningsnummer/i,
  /personal.?identity/i,
  /identity.?number/i,
  /^pnr$/i,
  /ssn/i,
  /name/i,
  /phone/i,
  /mobile/i,
  /msisdn/i,
  /e\.?164/i,
  // At the start or at a camelCase boundary: "contactEmail", not "voicemailRecorded".
  /(^e|E)-?mail/,
  /address/i,
  /birth/i,
  /^age$/i,
  /^from$/i,
  /^to$/i,
  /caller/i,
];
/** The two ways a person may appear: a keyed hash, or sealed for a consumer that holds the key. */
const ALLOWED = [/^subjectRef$/, /Sealed$/];

interface Property {
  readonly path: string;
  readonly name: string;
  readonly schema: JsonSchema;
}

const propertiesOf = (schema: unknown, path = ""): Property[] => {
  if (typeof schema !== "object" || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((s) => propertiesOf(s, path));
  const node = schema as JsonSchema;
  const own = Object.entries((node.properties ?? {}) as Record<string, JsonSchema>).flatMap(
    ([name, child]) => {
      const at = path ? `${path}.${name}` : name;
      return [{ path: at, name, schema: child }, ...propertiesOf(child, at)];
    },
  );
  const nested = ["items", "prefixItems", "anyOf", "oneOf", "allOf", "additionalProperties", "$defs"].flatMap(
    (k) =>
      k === "$defs"
        ? Object.values((node.$defs ?? {}) as Record<string, unknown>).flatMap((d) => propertiesOf(d, path))
        : propertiesOf(node[k], path),
  );
  return [...own, ...nested];
};

const offending = (schema: JsonSchema): string[] =>
  propertiesOf(schema)
    .filter(({ name }) => !ALLOWED.some((re) => re.test(name)) && FORBIDDEN.some((re) => re.test(name)))
    .map(({ path }) => path);

const patternOf = (schema: z.core.$ZodType): unknown => (z.toJSONSchema(schema) as JsonSchema).pattern;

const entries = CATALOGUE.map((c) => [`${c.type} v${c.version}`, c] as const);

describe("no personal data in clear in events", () => {
  it("the lint catches the names it is meant to", () => {
    const bad = currentSchema({
      type: "x.y",
      version: 1,
      data: z.object({
        callerNumber: z.string(),
        person: z.object({ personalIdentityNumber: z.string(), firstName: z.string() }),
        from: z.string(),
        contactEmail: z.string(),
        voicemailRecorded: z.boolean(),
        subjectSealed: z.string(),
      }),
    });
    expect(offending(bad)).toEqual([
      "callerNumber",
      "person.personalIdentityNumber",
      "person.firstName",
      "from",
      "contactEmail",
    ]);
  });

  it("the envelope names nothing personal", () => {
    expect(offending(z.toJSONSchema(envelopeSchema()) as JsonSchema)).toEqual([]);
  });

  it.each(entries)("%s names no personal field", (_, contract) => {
    expect(offending(currentSchema(contract))).toEqual([]);
  });

  it.each(entries)("%s holds a person only as a subject reference or a sealed value", (_, contract) => {
    for (const { path, name, schema } of propertiesOf(currentSchema(contract))) {
      if (name === "subjectRef") expect(schema.pattern, path).toBe(patternOf(subjectRefSchema));
      if (/Sealed$/.test(name)) expect(schema.pattern, path).toBe(patternOf(sealedSchema));
    }
  });

  it.each(entries)(
    "%s samples hold nothing that looks like an identity number or a phone number",
    (_, contract) => {
      const strings: string[] = [];
      const collect = (value: unknown, key = ""): void => {
        if (key === "subjectRef" || key.endsWith("Sealed")) return;
        if (typeof value === "string") strings.push(value);
        else if (Array.isArray(value)) for (const v of value) collect(v);
        else if (typeof value === "object" && value !== null)
          for (const [k, v] of Object.entries(value)) collect(v, k);
      };
      collect(readSamples(contract.type, contract.version));
      for (const value of strings) {
        expect(value).not.toMatch(/(^|\D)(\d{2})?\d{6}[-+]?\d{4}(\D|$)/);
        expect(value).not.toMatch(/\+\d{7,}|(^|\D)0\d{8,9}(\D|$)/);
      }
    },
  );
});
