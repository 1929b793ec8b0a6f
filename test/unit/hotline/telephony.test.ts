import { describe, expect, it } from "vitest";
import { elks46 } from "../../../services/hotline/telephony/46elks";
import {
  basicAuthMatches,
  staticWebhookCredentials,
  webhookCredentialsFromEnv,
  webhookUrl,
} from "../../../services/hotline/webhook-auth";

const CREDENTIALS = { username: "elks", password: "a-long-webhook-password" };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("the 46elks adapter", () => {
  it("renders a connect with its timeout and both callbacks, in 46elks's field names", () => {
    expect(
      elks46.render({
        kind: "connect",
        to: "+46701234567",
        timeoutSeconds: 25,
        next: "https://x/next",
        whenHangup: "https://x/hangup",
      }),
    ).toEqual({
      connect: "+46701234567",
      timeout: 25,
      next: "https://x/next",
      whenhangup: "https://x/hangup",
    });
  });

  it("plays the recorded message, or the provider's tone when none is recorded: never silence", () => {
    expect(
      elks46.render({ kind: "play", message: "https://m/msg.mp3", whenHangup: "https://x/h" }),
    ).toMatchObject({
      play: "https://m/msg.mp3",
    });
    expect(elks46.render({ kind: "play", message: undefined, whenHangup: "https://x/h" })).toMatchObject({
      play: "sound/beep",
    });
  });

  it("reads an incoming call, a hidden number as no number, and busy as not answered", () => {
    expect(elks46.parseIncoming({ callid: "c1", from: "+46706861004", to: "+46766860000" })).toEqual({
      callId: "c1",
      caller: "+46706861004",
    });
    expect(elks46.parseIncoming({ callid: "c2", from: "" })).toEqual({ callId: "c2", caller: undefined });
    expect(elks46.parseNext({ callid: "c1", result: "busy" })).toEqual({ callId: "c1", answered: false });
    expect(elks46.parseNext({ callid: "c1", result: "success", why: "x" })).toEqual({
      callId: "c1",
      answered: true,
    });
  });
});

describe("webhook credentials", () => {
  it("accept exactly the configured user and password", () => {
    expect(basicAuthMatches(basic("elks", CREDENTIALS.password), CREDENTIALS)).toBe(true);
    expect(basicAuthMatches(basic("elks", `${CREDENTIALS.password}x`), CREDENTIALS)).toBe(false);
    expect(basicAuthMatches(basic("elk", CREDENTIALS.password), CREDENTIALS)).toBe(false);
    expect(basicAuthMatches(`Bearer ${CREDENTIALS.password}`, CREDENTIALS)).toBe(false);
    expect(basicAuthMatches(`Basic ${Buffer.from("no-colon").toString("base64")}`, CREDENTIALS)).toBe(false);
    expect(basicAuthMatches(undefined, CREDENTIALS)).toBe(false);
  });

  it("refuse a short password, and every webhook when none is configured", async () => {
    expect(() => staticWebhookCredentials({ username: "u", password: "short" })).toThrow();
    await expect(webhookCredentialsFromEnv({}).get()).rejects.toThrow(/No telephony webhook credentials/);
    await expect(
      webhookCredentialsFromEnv({
        HOTLINE_WEBHOOK_USER: "elks",
        HOTLINE_WEBHOOK_PASSWORD: CREDENTIALS.password,
      }).get(),
    ).resolves.toEqual(CREDENTIALS);
  });

  it("go into the callback URLs, keeping a base path of the API's own", () => {
    const url = new URL(
      webhookUrl("https://api.example.se/prod", "/v1/hotline/voice/0880/next", CREDENTIALS, { attempt: "2" }),
    );
    expect(url.pathname).toBe("/prod/v1/hotline/voice/0880/next");
    expect(url.searchParams.get("attempt")).toBe("2");
    expect(decodeURIComponent(url.username)).toBe("elks");
    expect(decodeURIComponent(url.password)).toBe(CREDENTIALS.password);
  });
});
