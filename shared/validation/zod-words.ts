/**
 * The English words zod's classic API wrote for an issue, written here: zod/mini loads no locale
 * (its message for every issue is "Invalid input"), and its locales come only as one namespace of
 * every language (some 260 KiB in a bundle). So that what the API answers and what an event's
 * issues say stay as they were when full zod set its English locale, the messages no schema sets
 * itself come from here: the edge's ruleMessage falls back on it, and parseEvent uses it throughout.
 *
 * One change from zod's words, on purpose: an unrecognised key is never quoted, since keys come
 * from the input (zod wrote `Unrecognized key: "personnummer"`).
 */
import type * as z from "zod/mini";

type RawIssue = z.core.$ZodRawIssue;

/** What an issue about a size counts, by the kind of value (zod's `Sizable`). */
const SIZE_UNITS: Readonly<Record<string, string>> = {
  string: "characters",
  file: "bytes",
  array: "items",
  set: "items",
  map: "entries",
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  regex: "input",
  email: "email address",
  url: "URL",
  emoji: "emoji",
  uuid: "UUID",
  uuidv4: "UUIDv4",
  uuidv6: "UUIDv6",
  nanoid: "nanoid",
  guid: "GUID",
  cuid: "cuid",
  cuid2: "cuid2",
  ulid: "ULID",
  xid: "XID",
  ksuid: "KSUID",
  datetime: "ISO datetime",
  date: "ISO date",
  time: "ISO time",
  duration: "ISO duration",
  ipv4: "IPv4 address",
  ipv6: "IPv6 address",
  mac: "MAC address",
  cidrv4: "IPv4 range",
  cidrv6: "IPv6 range",
  base64: "base64-encoded string",
  base64url: "base64url-encoded string",
  json_string: "JSON string",
  e164: "E.164 number",
  currency_code: "currency code",
  credit_card: "credit card number",
  iban: "IBAN",
  jwt: "JWT",
  template_literal: "input",
};

/** The kind of a value as zod names it (`parsedType`): its type, never the value itself. */
const kindOf = (input: unknown): string => {
  if (typeof input === "number") return Number.isNaN(input) ? "nan" : "number";
  if (typeof input !== "object") return typeof input;
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && "constructor" in input && typeof input.constructor === "function") {
    return input.constructor.name;
  }
  return "object";
};

const typeName = (type: string, input?: unknown): string =>
  type === "number" && typeof input === "number" && !Number.isFinite(input)
    ? String(input)
    : type === "nan"
      ? "NaN"
      : type;

/** A value of the schema (an enum's option, a literal), as zod quoted it. */
const quoted = (value: unknown): string =>
  typeof value === "bigint" ? `${value}n` : typeof value === "string" ? `"${value}"` : `${String(value)}`;

const sizeWords = (issue: Extract<RawIssue, { code: "too_small" | "too_big" }>): string => {
  const big = issue.code === "too_big";
  const limit = big ? issue.maximum : issue.minimum;
  const bound = `${issue.exact ? "exactly " : issue.inclusive ? (big ? "<=" : ">=") : big ? "<" : ">"}${limit.toString()}`;
  const unit = SIZE_UNITS[issue.origin];
  const what = big ? `Too big: expected ${issue.origin ?? "value"}` : `Too small: expected ${issue.origin}`;
  return unit ? `${what} to have ${bound} ${unit}` : `${what} to be ${bound}`;
};

const formatWords = (issue: Extract<RawIssue, { code: "invalid_format" }>): string => {
  if ("prefix" in issue && issue.format === "starts_with")
    return `Invalid string: must start with "${issue.prefix}"`;
  if ("suffix" in issue && issue.format === "ends_with")
    return `Invalid string: must end with "${issue.suffix}"`;
  if ("includes" in issue && issue.format === "includes")
    return `Invalid string: must include "${issue.includes}"`;
  if (issue.format === "regex") return `Invalid string: must match pattern ${issue.pattern}`;
  return `Invalid ${FORMAT_NAMES[issue.format] ?? issue.format}`;
};

const unionWords = (issue: Extract<RawIssue, { code: "invalid_union" }>): string => {
  const options = "options" in issue ? issue.options : undefined;
  if (Array.isArray(options) && options.length > 0) {
    return `Invalid discriminator value. Expected ${options.map((o) => `'${String(o)}'`).join(" | ")}`;
  }
  return "inclusive" in issue && issue.inclusive === false
    ? "Invalid input: more than one option matched"
    : "Invalid input";
};

/** zod's English message for an issue, keys never quoted (see above). */
export const zodWords = (issue: RawIssue): string => {
  switch (issue.code) {
    case "invalid_type":
      return `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(kindOf(issue.input), issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `Invalid input: expected ${quoted(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(quoted).join("|")}`;
    case "too_big":
    case "too_small":
      return sizeWords(issue);
    case "invalid_format":
      return formatWords(issue);
    case "not_multiple_of":
      return `Invalid number: must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return issue.keys.length > 1 ? "Unrecognized keys" : "Unrecognized key";
    case "invalid_key":
      return `Invalid key in ${issue.origin}`;
    case "invalid_union":
      return unionWords(issue);
    case "invalid_element":
      return `Invalid value in ${issue.origin}`;
    default:
      return "Invalid input";
  }
};
