import { describe, expect, it } from "vitest";
import { escalationSmsText } from "../../../services/hotline/domain/escalation";
import {
  type ClockState,
  dueStages,
  nextDue,
  triageDueAt,
} from "../../../services/hotline/domain/triage-clock";
import {
  DEFAULT_SMS_API_URL,
  smsConfigFromEnv,
  smsConfigFromSecret,
} from "../../../services/hotline/sms-config";
import { elksSmsUrl } from "../../../services/hotline/telephony/46elks";
import { type TelephonySecret, telephonySecretSchema } from "../../../services/hotline/webhook-auth";

const TRIAGE_ID = "01KMT51FG0E5XHBPZ8MCM5MTPA";

describe("the escalation SMS text", () => {
  it("names the municipality, the call's local time and the triage, for a call nobody answered", () => {
    expect(
      escalationSmsText({
        triageId: TRIAGE_ID,
        municipality: "0880",
        status: "callback-needed",
        receivedAt: new Date("2026-03-28T22:47:00Z"),
        timeZone: "Europe/Stockholm",
      }),
    ).toBe(
      `Avhoppartelefonen: ett obesvarat samtal i Kalmar väntar på återkoppling sedan 23:47. Öppna triage ${TRIAGE_ID}.`,
    );
  });

  it("says an answered call is not acknowledged, in summer time after the switch", () => {
    expect(
      escalationSmsText({
        triageId: TRIAGE_ID,
        municipality: "2281",
        status: "open",
        receivedAt: new Date("2026-03-29T01:05:00Z"),
        timeZone: "Europe/Stockholm",
      }),
    ).toBe(
      `Avhoppartelefonen: ett besvarat samtal i Sundsvall är inte kvitterat sedan 03:05. Öppna triage ${TRIAGE_ID}.`,
    );
  });

  it("tells the time on the schedule's own clock when it keeps another zone's", () => {
    const text = (timeZone: string) =>
      escalationSmsText({
        triageId: TRIAGE_ID,
        municipality: "0880",
        status: "open",
        receivedAt: new Date("2026-01-15T23:30:00Z"),
        timeZone,
      });
    expect(text("Europe/Stockholm")).toContain("sedan 00:30.");
    expect(text("Europe/Helsinki")).toContain("sedan 01:30.");
    expect(text("UTC")).toContain("sedan 23:30.");
  });

  it("fits one SMS for the longest municipality name, and uses only what is ours to say", () => {
    const text = escalationSmsText({
      triageId: TRIAGE_ID,
      municipality: "1904",
      status: "callback-needed",
      receivedAt: new Date("2026-07-01T00:00:00Z"),
      timeZone: "Europe/Stockholm",
    });
    expect(text).toContain("Skinnskatteberg");
    expect(text).toContain("02:00");
    // No digits but the time and our id: no phone number can have slipped in.
    expect(text.replace(TRIAGE_ID, "").replace(/\d{2}:\d{2}/, "")).not.toMatch(/\d/);
    expect(text.length).toBeLessThanOrEqual(160);
  });
});

describe("the SMS configuration", () => {
  const secret = (extra: Partial<TelephonySecret>) => ({
    get: async (): Promise<TelephonySecret> => ({ username: "t", password: "x".repeat(48), ...extra }),
  });

  it("is not configured without user, password and sender, locally or in the secret", async () => {
    expect(await smsConfigFromEnv({}).get()).toBeUndefined();
    expect(
      await smsConfigFromEnv({ HOTLINE_SMS_USER: "u", HOTLINE_SMS_PASSWORD: "p" }).get(),
    ).toBeUndefined();
    expect(await smsConfigFromSecret(secret({ apiUsername: "u", apiPassword: "p" })).get()).toBeUndefined();
  });

  it("comes from the environment locally, with 46elks's API as the default base", async () => {
    expect(
      await smsConfigFromEnv({
        HOTLINE_SMS_USER: "u",
        HOTLINE_SMS_PASSWORD: "p",
        HOTLINE_SMS_FROM: "Avhopp",
      }).get(),
    ).toEqual({ apiBaseUrl: DEFAULT_SMS_API_URL, username: "u", password: "p", from: "Avhopp" });
    expect(
      await smsConfigFromEnv({
        HOTLINE_SMS_API_URL: "http://127.0.0.1:9",
        HOTLINE_SMS_USER: "u",
        HOTLINE_SMS_PASSWORD: "p",
        HOTLINE_SMS_FROM: "+46766860000",
      }).get(),
    ).toMatchObject({ apiBaseUrl: "http://127.0.0.1:9" });
  });

  it("comes from the telephony secret's optional API fields in AWS", async () => {
    expect(
      await smsConfigFromSecret(
        secret({ apiUsername: "u", apiPassword: "p", smsFrom: "Avhopp", apiBaseUrl: "https://api.example" }),
      ).get(),
    ).toEqual({ apiBaseUrl: "https://api.example", username: "u", password: "p", from: "Avhopp" });
  });

  it("talks to the provider's API over https only (plain http to a loopback catcher alone)", () => {
    const env = (url: string) => ({
      HOTLINE_SMS_API_URL: url,
      HOTLINE_SMS_USER: "u",
      HOTLINE_SMS_PASSWORD: "p",
      HOTLINE_SMS_FROM: "Avhopp",
    });
    expect(() => smsConfigFromEnv(env("http://api.46elks.com"))).toThrow(/https/);
    expect(() => smsConfigFromEnv(env("http://127.0.0.1.example.com"))).toThrow(/https/);
    expect(() => smsConfigFromEnv(env("http://localhost:8080"))).not.toThrow();
    // In the secret (AWS) there is no loopback to allow.
    const stored = { username: "t", password: "x".repeat(48), apiUsername: "u", apiPassword: "p" };
    expect(
      telephonySecretSchema().safeParse({ ...stored, apiBaseUrl: "http://api.46elks.com" }).success,
    ).toBe(false);
    expect(telephonySecretSchema().safeParse({ ...stored, apiBaseUrl: "http://127.0.0.1:9" }).success).toBe(
      false,
    );
    expect(
      telephonySecretSchema().safeParse({ ...stored, apiBaseUrl: "https://api.46elks.com" }).success,
    ).toBe(true);
  });

  it("posts to /a1/sms under the base, keeping a base path", () => {
    expect(elksSmsUrl("https://api.46elks.com")).toBe("https://api.46elks.com/a1/sms");
    expect(elksSmsUrl("http://127.0.0.1:8080/elks/")).toBe("http://127.0.0.1:8080/elks/a1/sms");
  });
});

describe("the notification on the triage clock", () => {
  const received = "2026-03-28T22:00:00.000Z";
  const escalatedAt = "2026-03-28T22:35:00.000Z";
  const open: ClockState = {
    status: "open",
    receivedAt: received,
    openedAt: "2026-03-28T22:05:00.000Z",
    deadline: { dueAt: triageDueAt(new Date(received)).toISOString(), state: "open" },
  };

  it("stays due until the manager is told, and then only the 24 hours remain", () => {
    const pending = { ...open, escalated: { at: escalatedAt, notification: "pending" } };
    expect(nextDue(pending)?.toISOString()).toBe(escalatedAt);
    expect(dueStages(pending, new Date("2026-03-28T22:36:00Z"))).toEqual(["notify"]);
    const sent = { ...open, escalated: { at: escalatedAt, notification: "sent" } };
    expect(nextDue(sent)?.toISOString()).toBe(open.deadline.dueAt);
    const notConfigured = { ...open, escalated: { at: escalatedAt, notification: "not-configured" } };
    expect(nextDue(notConfigured)?.toISOString()).toBe(open.deadline.dueAt);
  });

  it("waits out another sweep's claim, and drops the message once someone took the triage", () => {
    const claimed = {
      ...open,
      escalated: { at: escalatedAt, notification: "pending", sendingSince: "2026-03-28T22:36:00.000Z" },
    };
    expect(nextDue(claimed)?.toISOString()).toBe("2026-03-28T22:38:00.000Z");
    const taken = { ...claimed, acknowledged: { at: escalatedAt, by: "bo" } };
    expect(nextDue(taken)?.toISOString()).toBe(open.deadline.dueAt);
  });
});
