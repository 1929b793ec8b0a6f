/**
 * The words a client reads for each broken rule, with zod/mini alone: it loads no locale, so any
 * issue ruleMessage left to zod would read "Invalid input". This file imports no full zod (which
 * would set zod's English locale for the whole process), and checks that first.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { fieldErrors } from "../../../shared/http/edge";
import { parseClientInput } from "../../../shared/http/messages";

/** Each field at fault with its message, as the edge answers them. */
const errorsOf = (schema: z.core.$ZodType, input: unknown) => {
  const parsed = parseClientInput(schema, input);
  return parsed.success ? [] : fieldErrors(parsed.error, "body");
};

describe("ruleMessage without zod's locale", () => {
  it("runs where no locale is loaded, as in a function bundled with zod/mini only", () => {
    expect(z.config().localeError).toBeUndefined();
    expect(z.safeParse(z.string(), 1).error?.issues[0]?.message).toBe("Invalid input");
  });

  it("names a missing field, a wrong type, a value outside its list, in our words", () => {
    const schema = z.object({
      name: z.string(),
      count: z.int(),
      kind: z.enum(["a", "b"]),
      on: z.literal(true),
    });
    expect(errorsOf(schema, { count: 1.5, kind: "c", on: false })).toEqual([
      { path: "body.name", message: "is required" },
      { path: "body.count", message: "must be an integer" },
      { path: "body.kind", message: 'must be one of "a", "b"' },
      { path: "body.on", message: "must be true" },
    ]);
  });

  it("names sizes, formats and multiples in our words", () => {
    const schema = z.object({
      text: z.string().check(z.minLength(2)),
      list: z.array(z.string()).check(z.maxLength(1)),
      at: z.iso.datetime({ offset: true }),
      step: z.number().check(z.multipleOf(5), z.lt(100)),
    });
    expect(errorsOf(schema, { text: "a", list: ["a", "b"], at: "soon", step: 101 })).toEqual([
      { path: "body.text", message: "must be at least 2 characters long" },
      { path: "body.list", message: "must have at most 1 item" },
      { path: "body.at", message: "must be a date and time (ISO 8601, with offset)" },
      { path: "body.step", message: "must be a multiple of 5" },
      { path: "body.step", message: "must be less than 100" },
    ]);
  });

  it("names each unknown field without quoting it in any message", () => {
    const parsed = parseClientInput(z.strictObject({ a: z.string() }), { a: "x", personnummer: "1" });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["is not a known field"]);
    expect(fieldErrors(parsed.error ?? new z.core.$ZodError([]))).toEqual([
      { path: "personnummer", message: "is not a known field" },
    ]);
  });

  it("names a bad key of a map of values, a bad union, a refinement without words of its own", () => {
    const schema = z.object({
      metrics: z.record(z.string().check(z.regex(/^[a-z]+$/)), z.number()),
      either: z.union([z.string(), z.number()]),
      kind: z.discriminatedUnion("k", [z.object({ k: z.literal("a") }), z.object({ k: z.literal("b") })]),
      odd: z.number().check(z.refine((n) => n % 2 === 1)),
    });
    expect(errorsOf(schema, { metrics: { A1: 1 }, either: true, kind: { k: "c" }, odd: 2 })).toEqual([
      { path: "body.metrics.A1", message: "Invalid key in record" },
      { path: "body.either", message: "does not match any of the accepted forms" },
      { path: "body.kind.k", message: "does not match any of the accepted forms" },
      { path: "body.odd", message: "Invalid input" },
    ]);
  });

  it("names a type it has no word for as zod's English locale did, by kind and never by value", () => {
    const schema = z.object({ metrics: z.record(z.string(), z.number()), pair: z.tuple([z.string()]) });
    expect(errorsOf(schema, { metrics: "19121212-1212", pair: "x" })).toEqual([
      { path: "body.metrics", message: "Invalid input: expected record, received string" },
      { path: "body.pair", message: "Invalid input: expected tuple, received string" },
    ]);
  });

  it("names a bad value under a key that is no property name as zod's English locale did", () => {
    const parsed = parseClientInput(z.map(z.object({}), z.number()), new Map([[{}, "b"]]));
    expect(parsed.error?.issues.map((i) => [i.code, i.message])).toEqual([
      ["invalid_element", "Invalid value in map"],
    ]);
  });

  it("keeps the message a schema sets itself", () => {
    const schema = z.object({ id: z.string().check(z.regex(/^\d+$/, "must be digits")) });
    expect(errorsOf(schema, { id: "x" })).toEqual([{ path: "body.id", message: "must be digits" }]);
  });
});
