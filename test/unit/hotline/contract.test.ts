/**
 * The hotline's input rules as the schemas state them, without a server: what a client or the
 * provider sends is cleaned (trimmed, coerced, defaulted) or refused at a named field with a
 * named rule. Written against zod/mini's functional form, where the order of the checks is
 * spelled out by hand: a trim after a length check, a default lost from a query field, or a
 * cross-field rule reported at another path would change what is accepted and what the 400
 * says, and these would fail.
 */

import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  gapsQuerySchema,
  listTriagesQuerySchema,
  nextQuerySchema,
  scheduleBodySchema,
  stepBodySchema,
} from "../../../services/hotline/contract";
import { hotlineAuditQuerySchema } from "../../../services/hotline/contract-audit";
import { staticSmsConfig } from "../../../services/hotline/sms-config";
import { telephonySecretSchema } from "../../../services/hotline/webhook-auth";

/** Each issue as a 400 names it: code, path and, where the schema sets one, its own message. */
const issuesOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  if (result.success) throw new Error("expected the input to be refused");
  return result.error.issues.map(({ code, path }) => ({ code, path }));
};
const messagesOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
};

const SCHEDULE = {
  hotlineNumber: "+46700000000",
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: {
    startDate: "2026-01-05",
    shiftDays: 7,
    members: [
      { id: "m1", name: " Anna ", phone: "+46701234567" },
      { id: "m2", name: "Bo" },
    ],
  },
  manager: { id: "boss", name: "Cecilia", phone: "+46709999999" },
  ringSeconds: 20,
};

describe("the on-call schedule a municipality saves", () => {
  it("is kept with names trimmed and no overrides when none are given", () => {
    const saved = scheduleBodySchema.parse(SCHEDULE);
    expect(saved.rotation.members[0]?.name).toBe("Anna");
    expect(saved.overrides).toEqual([]);
    expect(saved.fallbackMessage).toBeUndefined();
  });

  it("refuses a name of blanks as too short: trimmed first, then measured", () => {
    const members = [{ id: "m1", name: "   " }];
    expect(
      issuesOf(scheduleBodySchema, { ...SCHEDULE, rotation: { ...SCHEDULE.rotation, members } }),
    ).toEqual([{ code: "too_small", path: ["rotation", "members", 0, "name"] }]);
  });

  it("says a number was expected for a shift length sent as text, and an integer for a fraction", () => {
    const withShift = (shiftDays: unknown) => ({
      ...SCHEDULE,
      rotation: { ...SCHEDULE.rotation, shiftDays },
    });
    expect(z.safeParse(scheduleBodySchema, withShift("7")).error?.issues).toMatchObject([
      { code: "invalid_type", expected: "number", path: ["rotation", "shiftDays"] },
    ]);
    expect(z.safeParse(scheduleBodySchema, withShift(1.5)).error?.issues).toMatchObject([
      { code: "invalid_type", expected: "int", path: ["rotation", "shiftDays"] },
    ]);
    expect(issuesOf(scheduleBodySchema, withShift(29))).toEqual([
      { code: "too_big", path: ["rotation", "shiftDays"] },
    ]);
  });

  it("names each rule an override breaks at the override's own field", () => {
    const overrides = [
      { start: "2026-01-02T00:00:00Z", end: "2026-01-01T00:00:00Z", memberId: "stranger" },
      { start: "2026-01-01T00:00:00Z", end: "2026-01-02T00:00:00+01:00", memberId: "boss" },
    ];
    expect(messagesOf(scheduleBodySchema, { ...SCHEDULE, overrides })).toEqual([
      { path: ["overrides", 0, "memberId"], message: "must be a member of the rotation or the manager" },
      { path: ["overrides", 0, "end"], message: "must be after start" },
    ]);
  });

  it("refuses a member listed twice, a time zone that is not one, and a field it does not know", () => {
    const twice = {
      ...SCHEDULE.rotation,
      members: [SCHEDULE.rotation.members[0], SCHEDULE.rotation.members[0]],
    };
    expect(messagesOf(scheduleBodySchema, { ...SCHEDULE, rotation: twice })).toEqual([
      { path: ["rotation", "members"], message: "must not repeat a member id" },
    ]);
    expect(messagesOf(scheduleBodySchema, { ...SCHEDULE, timeZone: "Mars/Base" })).toEqual([
      { path: ["timeZone"], message: "must be an IANA time zone such as Europe/Stockholm" },
    ]);
    // Stockholm is taken without asking Intl; any other zone is Intl's to judge.
    for (const timeZone of ["Europe/Stockholm", "Europe/Helsinki", "UTC"])
      expect(messagesOf(scheduleBodySchema, { ...SCHEDULE, timeZone })).toEqual([]);
    expect(issuesOf(scheduleBodySchema, { ...SCHEDULE, colour: "blue" })).toEqual([
      { code: "unrecognized_keys", path: [] },
    ]);
  });

  it("takes the recorded message from an https URL only", () => {
    expect(
      scheduleBodySchema.parse({ ...SCHEDULE, fallbackMessage: "https://m.se/a.mp3" }).fallbackMessage,
    ).toBe("https://m.se/a.mp3");
    expect(issuesOf(scheduleBodySchema, { ...SCHEDULE, fallbackMessage: "http://m.se/a.mp3" })).toEqual([
      { code: "invalid_format", path: ["fallbackMessage"] },
    ]);
  });
});

describe("a triage step's body", () => {
  it("asks for the reason a step is not needed, and a reason of blanks is none", () => {
    expect(messagesOf(stepBodySchema, { status: "not-needed" })).toEqual([
      { path: ["reason"], message: "is required when the step is not needed" },
    ]);
    expect(issuesOf(stepBodySchema, { status: "not-needed", reason: "  " })).toEqual([
      { code: "too_small", path: ["reason"] },
      { code: "custom", path: ["reason"] },
    ]);
  });

  it("trims the note and the identity number before their rules", () => {
    expect(
      stepBodySchema.parse({ status: "done", note: " seen ", personalIdentityNumber: " 19900101-1234 " }),
    ).toEqual({ status: "done", note: "seen", personalIdentityNumber: "19900101-1234" });
    expect(messagesOf(stepBodySchema, { status: "done", personalIdentityNumber: "abc" })).toEqual([
      { path: ["personalIdentityNumber"], message: "must be a personnummer or samordningsnummer" },
    ]);
  });
});

describe("the query strings", () => {
  it("the worklist: a page of 25 unless asked, the limit read from text, no due order for completed", () => {
    expect(listTriagesQuerySchema.parse({ status: "open" })).toEqual({ status: "open", limit: 25 });
    expect(listTriagesQuerySchema.parse({ status: "open", sort: "due", limit: "10" }).limit).toBe(10);
    expect(issuesOf(listTriagesQuerySchema, { status: "open", limit: "101" })).toEqual([
      { code: "too_big", path: ["limit"] },
    ]);
    expect(messagesOf(listTriagesQuerySchema, { status: "completed", sort: "due" })).toEqual([
      {
        path: ["sort"],
        message: "sort=due lists triages still to do: a completed triage has no due time left",
      },
    ]);
  });

  it("the gaps report: seven days unless asked, at most 60", () => {
    expect(gapsQuerySchema.parse({})).toEqual({ days: 7 });
    expect(gapsQuerySchema.parse({ days: "3" })).toEqual({ days: 3 });
    expect(issuesOf(gapsQuerySchema, { days: "61" })).toEqual([{ code: "too_big", path: ["days"] }]);
  });

  it("the provider's next: the attempt read from text, from 1 to 10", () => {
    expect(nextQuerySchema.parse({ attempt: "2", token: "t" })).toEqual({ attempt: 2, token: "t" });
    expect(issuesOf(nextQuerySchema, { attempt: "0" })).toEqual([{ code: "too_small", path: ["attempt"] }]);
  });

  it("the audit trail: one of triage and schedule, 100 rows unless asked", () => {
    expect(hotlineAuditQuerySchema.parse({ triage: "t1" })).toEqual({ triage: "t1", limit: 100 });
    for (const query of [{}, { triage: "t1", schedule: "0180" }]) {
      expect(messagesOf(hotlineAuditQuerySchema, query)).toEqual([
        { path: ["triage"], message: "give either triage or schedule, not both" },
      ]);
    }
  });
});

describe("the provider account's configuration", () => {
  const ACCOUNT = { username: "u", password: "p", from: "Kommunen" };

  it("sends the API password over https, or plain http to this machine only", () => {
    expect(() => staticSmsConfig({ ...ACCOUNT, apiBaseUrl: "http://127.0.0.1:9000" })).not.toThrow();
    expect(() => staticSmsConfig({ ...ACCOUNT, apiBaseUrl: "http://sms.example.se" })).toThrow(
      "must be an https URL (plain http only to a loopback host)",
    );
    expect(
      issuesOf(telephonySecretSchema(), {
        username: "u",
        password: "p".repeat(16),
        apiBaseUrl: "http://x.se",
      }),
    ).toEqual([{ code: "invalid_format", path: ["apiBaseUrl"] }]);
  });
});
