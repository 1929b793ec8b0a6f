/**
 * A structural check that a JSON Schema (as zod's `z.toJSONSchema` writes it, io "input") still
 * accepts what an earlier one accepted and still promises what it promised, so that neither an
 * event already in a queue, an outbox or a dead-letter queue, nor a consumer reading a field, is
 * broken by a change to the same (type, version).
 *
 * It knows the keywords zod emits for plain data: type, const, enum, properties, required,
 * additionalProperties, items, prefixItems, anyOf/oneOf, and the string, number and array bounds.
 * Anything else must be unchanged, or it is reported: a rule it cannot judge is a rule a human
 * should look at. Refinements (`.refine`) have no JSON Schema and are not seen here.
 */

export type JsonSchema = { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set([
  "$schema",
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "$comment",
]);
const HANDLED = new Set([
  "type",
  "const",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "prefixItems",
  "anyOf",
  "oneOf",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
]);

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const asSchema = (value: unknown): JsonSchema =>
  isSchema(value) ? value : value === false ? { not: {} } : {};

const json = (value: unknown): string => JSON.stringify(value);

const equal = (a: unknown, b: unknown): boolean => json(a) === json(b);

const typesOf = (schema: JsonSchema): Set<string> | undefined => {
  const type = schema.type;
  if (type === undefined) return undefined;
  return new Set(Array.isArray(type) ? type.map(String) : [String(type)]);
};

const variantsOf = (schema: JsonSchema): readonly unknown[] | undefined => {
  const variants = schema.anyOf ?? schema.oneOf;
  return Array.isArray(variants) ? variants : undefined;
};

const at = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const where = (path: string): string => path || "(root)";

/** The values a schema admits when it lists them (const or enum), else undefined. */
const listedValues = (schema: JsonSchema): readonly unknown[] | undefined => {
  if ("const" in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
};

type Bound = "lower" | "upper";

/** `next` may not demand more than `previous` did: a lower bound may only fall, an upper only rise. */
const checkBound = (
  keyword: string,
  kind: Bound,
  previous: JsonSchema,
  next: JsonSchema,
  path: string,
  out: string[],
): void => {
  const after = next[keyword];
  if (typeof after !== "number") return;
  const before = previous[keyword];
  if (typeof before !== "number") {
    out.push(`${where(path)}: new constraint ${keyword} ${after}`);
    return;
  }
  if (kind === "lower" ? after > before : after < before) {
    out.push(`${where(path)}: ${keyword} narrowed from ${before} to ${after}`);
  }
};

const checkVariants = (previous: JsonSchema, next: JsonSchema, path: string, out: string[]): boolean => {
  const before = variantsOf(previous);
  const after = variantsOf(next);
  if (!before && !after) return false;
  const candidates = (after ?? [next]).map(asSchema);
  (before ?? [previous]).map(asSchema).forEach((variant, index) => {
    const attempts = candidates.map((candidate) => compatibilityErrors(variant, candidate, path));
    if (attempts.some((errors) => errors.length === 0)) return;
    // The closest variant's complaints are the ones that explain what changed.
    const closest = attempts.reduce((best, errors) => (errors.length < best.length ? errors : best));
    const label = before ? `variant ${index + 1}` : "the schema";
    out.push(`${where(path)}: ${label} has no compatible variant any more (${closest.join("; ")})`);
  });
  return true;
};

const checkObject = (previous: JsonSchema, next: JsonSchema, path: string, out: string[]): void => {
  const beforeProps = isSchema(previous.properties) ? previous.properties : {};
  const afterProps = isSchema(next.properties) ? next.properties : {};
  const beforeRequired = new Set(Array.isArray(previous.required) ? previous.required.map(String) : []);
  const afterRequired = new Set(Array.isArray(next.required) ? next.required.map(String) : []);

  for (const [name, schema] of Object.entries(beforeProps)) {
    const field = at(path, name);
    if (!(name in afterProps)) {
      out.push(`${field}: removed (a consumer may read it)`);
      continue;
    }
    if (beforeRequired.has(name) && !afterRequired.has(name)) {
      out.push(`${field}: was required, now optional (a consumer may rely on it)`);
    }
    if (!beforeRequired.has(name) && afterRequired.has(name)) {
      out.push(`${field}: was optional, now required (earlier events may lack it)`);
    }
    out.push(...compatibilityErrors(asSchema(schema), asSchema(afterProps[name]), field));
  }
  for (const name of afterRequired) {
    if (!(name in beforeProps)) out.push(`${at(path, name)}: new required field (earlier events lack it)`);
  }

  const beforeExtra = previous.additionalProperties;
  const afterExtra = next.additionalProperties;
  if (afterExtra === false && beforeExtra !== false) {
    out.push(`${where(path)}: no longer accepts properties it did not name`);
  } else if (isSchema(afterExtra)) {
    out.push(
      ...compatibilityErrors(isSchema(beforeExtra) ? beforeExtra : {}, afterExtra, `${at(path, "*")}`),
    );
  }
};

const checkArray = (previous: JsonSchema, next: JsonSchema, path: string, out: string[]): void => {
  if (next.items !== undefined) {
    out.push(...compatibilityErrors(asSchema(previous.items), asSchema(next.items), `${path}[]`));
  }
  const beforeTuple = Array.isArray(previous.prefixItems) ? previous.prefixItems : [];
  const afterTuple = Array.isArray(next.prefixItems) ? next.prefixItems : [];
  afterTuple.forEach((schema, index) => {
    out.push(...compatibilityErrors(asSchema(beforeTuple[index]), asSchema(schema), at(path, index)));
  });
  checkBound("minItems", "lower", previous, next, path, out);
  checkBound("maxItems", "upper", previous, next, path, out);
  if (next.uniqueItems === true && previous.uniqueItems !== true) {
    out.push(`${where(path)}: items must now be unique`);
  }
};

/**
 * What in `next` would break a producer or consumer written against `previous`, one line each;
 * empty when `next` is a compatible evolution (new optional fields, more enum values, wider bounds).
 */
export const compatibilityErrors = (previous: JsonSchema, next: JsonSchema, path = ""): string[] => {
  const out: string[] = [];

  const unknown = new Set(
    [...Object.keys(previous), ...Object.keys(next)].filter((k) => !ANNOTATIONS.has(k) && !HANDLED.has(k)),
  );
  for (const keyword of unknown) {
    if (!equal(previous[keyword], next[keyword])) {
      out.push(`${where(path)}: ${keyword} changed, which this check cannot judge`);
    }
  }

  if (checkVariants(previous, next, path, out)) return out;

  const beforeTypes = typesOf(previous);
  const afterTypes = typesOf(next);
  if (afterTypes) {
    if (!beforeTypes) {
      out.push(`${where(path)}: now restricted to ${[...afterTypes].join(" | ")}`);
    } else {
      for (const type of beforeTypes) {
        const kept = afterTypes.has(type) || (type === "integer" && afterTypes.has("number"));
        if (!kept) out.push(`${where(path)}: type ${type} no longer accepted`);
      }
    }
  }

  const beforeValues = listedValues(previous);
  const afterValues = listedValues(next);
  if (afterValues) {
    if (!beforeValues) {
      out.push(`${where(path)}: now restricted to ${afterValues.map(json).join(", ")}`);
    } else {
      for (const value of beforeValues) {
        if (!afterValues.some((v) => equal(v, value)))
          out.push(`${where(path)}: value ${json(value)} removed`);
      }
    }
  }

  for (const keyword of ["pattern", "format"]) {
    if (next[keyword] !== undefined && !equal(previous[keyword], next[keyword])) {
      out.push(`${where(path)}: ${keyword} changed`);
    }
  }
  checkBound("minLength", "lower", previous, next, path, out);
  checkBound("maxLength", "upper", previous, next, path, out);
  checkBound("minimum", "lower", previous, next, path, out);
  checkBound("exclusiveMinimum", "lower", previous, next, path, out);
  checkBound("maximum", "upper", previous, next, path, out);
  checkBound("exclusiveMaximum", "upper", previous, next, path, out);
  if (next.multipleOf !== undefined && !equal(previous.multipleOf, next.multipleOf)) {
    out.push(`${where(path)}: multipleOf changed`);
  }

  const objectish = afterTypes?.has("object") || next.properties !== undefined;
  if (objectish || previous.properties !== undefined) checkObject(previous, next, path, out);
  const arrayish = afterTypes?.has("array") || next.items !== undefined || next.prefixItems !== undefined;
  if (arrayish) checkArray(previous, next, path, out);

  return out;
};
