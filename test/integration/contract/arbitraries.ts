/**
 * Values from the OpenAPI document's schemas, for the property-based run: mostly valid by the
 * schema (so requests get past validation to the rules), sometimes anything at all (so the
 * refusals are exercised too).
 */
import fc from "fast-check";

type Schema = { readonly [keyword: string]: unknown };

const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null;

const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

const isoDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const stringOf = (schema: Schema): fc.Arbitrary<string> => {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = Math.min(num(schema.maxLength) ?? 40, minLength + 60);
  switch (schema.format) {
    case "date":
      return isoDate.map((d) => d.slice(0, 10));
    case "date-time":
      return isoDate;
    case "email":
      return fc.emailAddress().filter((e) => e.length <= maxLength);
    case "uri":
      return fc.constantFrom("https://receiver.example.se/hooks", "http://127.0.0.1:9/x", "ftp://x.example/");
    default:
      break;
  }
  if (typeof schema.pattern === "string") {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= minLength && s.length <= maxLength);
    } catch {
      // A pattern fast-check cannot read: any string, and let the server refuse it.
    }
  }
  return fc.string({ minLength, maxLength });
};

/** A valid-looking value of `schema`, resolving `$ref`s against the document. */
export const fromSchema = (schema: unknown, document: object, depth = 0): fc.Arbitrary<unknown> => {
  if (!isSchema(schema) || depth > 8) return fc.constant(null);
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (isSchema(node) ? node[key] : undefined), document as Schema);
    return fromSchema(target, document, depth + 1);
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives))
    return fc.oneof(...alternatives.map((s) => fromSchema(s, document, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return fromSchema(schema.allOf[0], document, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringOf(schema);
    case "integer":
      return fc.integer({
        min: Math.max(num(schema.minimum) ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(num(schema.maximum) ?? 1000, Number.MAX_SAFE_INTEGER),
      });
    case "number":
      return fc.double({ min: num(schema.minimum) ?? -1000, max: num(schema.maximum) ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = num(schema.minItems) ?? 0;
      const maxLength = Math.min(num(schema.maxItems) ?? 4, minLength + 4);
      const items = fromSchema(schema.items, document, depth + 1);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength, maxLength });
    }
    case "object": {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([k, v]) => [k, fromSchema(v, document, depth + 1)]),
        ),
        { requiredKeys: required.filter((k) => k in properties) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** Mostly valid by the schema; one time in five, any JSON value (or, for a string, any string). */
export const roughly = (schema: unknown, document: object): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, document) },
    { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 20 })) },
  );
