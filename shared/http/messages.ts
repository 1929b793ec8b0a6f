import * as z from "zod/mini";
import { zodWords } from "../validation/zod-words";

type RawIssue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  bigint: "an integer",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  date: "a date",
  null: "null",
};

const FORMAT: Record<string, string> = {
  email: "must be an e-mail address",
  url: "must be a URL",
  uuid: "must be a UUID",
  datetime: "must be a date and time (ISO 8601, with offset)",
  date: "must be a date (YYYY-MM-DD)",
  time: "must be a time (HH:MM)",
  e164: "must be a phone number in E.164 form (+46…)",
  regex: "does not have the required form",
};

const plural = (n: number | bigint, word: string): string => `${n} ${word}${n === 1 || n === 1n ? "" : "s"}`;

const sizeRule = (issue: Extract<RawIssue, { code: "too_small" | "too_big" }>): string => {
  const small = issue.code === "too_small";
  const limit = small ? issue.minimum : issue.maximum;
  const bound = issue.exact
    ? "exactly"
    : small
      ? issue.inclusive === false
        ? "more than"
        : "at least"
      : issue.inclusive === false
        ? "less than"
        : "at most";
  switch (issue.origin) {
    case "string":
      return `must be ${bound} ${plural(limit, "character")} long`;
    case "array":
    case "set":
      return `must have ${bound} ${plural(limit, "item")}`;
    case "date":
      return `must be ${small ? "on or after" : "on or before"} ${new Date(Number(limit)).toISOString()}`;
    default:
      return `must be ${bound} ${String(limit)}`;
  }
};

/**
 * The rule a field broke, in words, never its value: the edge's per-parse error map. A message
 * a schema sets itself ("is not a valid personnummer") takes precedence over this one. Every issue
 * gets one here: zod/mini has no words of its own ("Invalid input"), so where we have none, the
 * words zod's English locale wrote stand (zodWords: they name the rule, not the input).
 */
export const ruleMessage = (issue: RawIssue): string => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return KIND[issue.expected] ? `must be ${KIND[issue.expected]}` : zodWords(issue);
    case "invalid_value":
      if (issue.input === undefined) return "is required";
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
    case "too_big":
      return sizeRule(issue);
    case "invalid_format":
      return FORMAT[issue.format] ?? `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return issue.input === undefined ? "is required" : "does not match any of the accepted forms";
    case "unrecognized_keys":
      // The edge names each key as a field of its own (fieldErrors); the message never quotes one.
      return "is not a known field";
    default:
      return zodWords(issue);
  }
};

/** Parses input a client sent, with the rules named in words (for bodies the edge cannot parse itself). */
export const parseClientInput = <S extends z.core.$ZodType>(schema: S, input: unknown) =>
  z.safeParse(schema, input, { error: ruleMessage });
