/**
 * What an event's issues say (a dead letter's log line), with zod/mini alone: it loads no locale,
 * so every rule a contract states without words of its own would read "Invalid input". This file
 * imports no full zod (which would set zod's English locale for the whole process), and checks it.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { deadlineBreached, referralAssessed } from "../../../shared/events/catalogue";
import { newEvent } from "../../../shared/events/outbox";
import { parseEvent } from "../../../shared/events/parse";
import { zodWords } from "../../../shared/validation/zod-words";
import { readSamples } from "./fixture-files";

const sampleOf = (type: string): Record<string, unknown> => {
  const sample = readSamples(type, 1)?.[0];
  if (typeof sample !== "object" || sample === null) throw new Error(`no sample of ${type}`);
  return structuredClone(sample) as Record<string, unknown>;
};

const issuesOf = (raw: unknown) => {
  const result = parseEvent(raw);
  return result.ok ? [] : result.issues;
};

describe("an event's issues without zod's locale", () => {
  it("are read where no locale is loaded, as in a consumer bundled with zod/mini only", () => {
    expect(z.config().localeError).toBeUndefined();
  });

  it("name the envelope's broken rules in words", () => {
    const event = { ...sampleOf("deadline.breached"), version: 0, correlationId: "", source: "billing" };
    expect(issuesOf(event)).toEqual([
      { path: "version", message: "Too small: expected number to be >0" },
      {
        path: "source",
        message: expect.stringMatching(/^Invalid option: expected one of "release-notices"\|/),
      },
      { path: "correlationId", message: "Too small: expected string to have >=1 characters" },
    ]);
  });

  it("name the data's broken rules in words", () => {
    const event = sampleOf(deadlineBreached.type);
    event.data = { ...(event.data as object), deadline: "x".repeat(65), dueAt: 1, subject: { type: "case" } };
    expect(issuesOf(event)).toEqual([
      {
        path: "data.subject.type",
        message: 'Invalid option: expected one of "release-notice"|"referral"|"triage"',
      },
      { path: "data.subject.id", message: "Invalid input: expected string, received undefined" },
      { path: "data.deadline", message: "Too big: expected string to have <=64 characters" },
      { path: "data.dueAt", message: "Invalid input: expected string, received number" },
    ]);
  });

  it("name a variant nobody knows by the variants there are", () => {
    const event = sampleOf(referralAssessed.type);
    event.data = { ...(event.data as object), assessment: "guesswork" };
    expect(issuesOf(event)).toEqual([
      {
        path: "data.assessment",
        message:
          "Invalid discriminator value. Expected 'protection-assessment' | 'pre-assessment' | 'first-offence-conversation'",
      },
    ]);
  });

  it("never quote a key the input brought", () => {
    const parsed = z.safeParse(z.strictObject({}), { personnummer: "x" }, { error: zodWords });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["Unrecognized key"]);
  });

  it("name what a producer got wrong in the error it throws", () => {
    const produce = () =>
      newEvent(deadlineBreached, {
        source: "intake",
        municipality: "0880",
        correlationId: "c1",
        occurredAt: new Date("2026-11-30T04:00:00Z"),
        data: {
          ...(sampleOf(deadlineBreached.type).data as z.input<typeof deadlineBreached.data>),
          deadline: "",
        },
      });
    expect(produce).toThrow("Too small: expected string to have >=1 characters");
  });
});
