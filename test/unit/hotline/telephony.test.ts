import { describe, expect, it } from "vitest";
import { elks46 } from "../../../services/hotline/telephony/46elks";
import {
  basicAuthMatches,
  derivedCredentials,
  handedOutCredentials,
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
      called: "+46766860000",
    });
    expect(elks46.parseIncoming({ callid: "c2", from: "" })).toEqual({
      callId: "c2",
      caller: undefined,
      called: undefined,
    });
    expect(elks46.parseNext({ callid: "c1", result: "busy" })).toEqual({ callId: "c1", answered: false });
    expect(elks46.parseNext({ callid: "c1", result: "success", why: "x" })).toEqual({
      callId: "c1",
      answered: true,
    });
  });
});

describe("webhook credentials", () => {
  it("are the municipality's own, derived from the secret: no other municipality's pass", () => {
    const kalmar = derivedCredentials(CREDENTIALS.username, CREDENTIALS.password, "0880");
    expect(kalmar.username).toBe("elks-0880");
    expect(kalmar.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(basicAuthMatches(basic(kalmar.username, kalmar.password), CREDENTIALS, "0880")).toBe(true);
    expect(basicAuthMatches(basic(kalmar.username, kalmar.password), CREDENTIALS, "0180")).toBe(false);
    const stockholm = derivedCredentials(CREDENTIALS.username, CREDENTIALS.password, "0180");
    expect(stockholm.password).not.toBe(kalmar.password);
    expect(basicAuthMatches(basic("elks-0880", stockholm.password), CREDENTIALS, "0880")).toBe(false);
    // The secret itself is not a credential any more.
    expect(basicAuthMatches(basic("elks", CREDENTIALS.password), CREDENTIALS, "0880")).toBe(false);
  });

  it("accept exactly the user and password, in Basic form", () => {
    const { username, password } = derivedCredentials("elks", CREDENTIALS.password, "0880");
    expect(basicAuthMatches(basic(username, `${password}x`), CREDENTIALS, "0880")).toBe(false);
    expect(basicAuthMatches(basic("elks-088", password), CREDENTIALS, "0880")).toBe(false);
    expect(basicAuthMatches(`Bearer ${password}`, CREDENTIALS, "0880")).toBe(false);
    expect(basicAuthMatches(`Basic ${Buffer.from("no-colon").toString("base64")}`, CREDENTIALS, "0880")).toBe(
      false,
    );
    expect(basicAuthMatches(undefined, CREDENTIALS, "0880")).toBe(false);
  });

  it("accept the current, the next and the previous password during a changeover, and hand out the current", () => {
    const next = "the-next-webhook-password";
    const previous = "the-previous-webhook-password";
    const changing = { ...CREDENTIALS, nextPassword: next, previousPassword: previous };
    for (const secret of [CREDENTIALS.password, next, previous]) {
      const { username, password } = derivedCredentials("elks", secret, "0880");
      expect(basicAuthMatches(basic(username, password), changing, "0880")).toBe(true);
      expect(basicAuthMatches(basic(username, password), CREDENTIALS, "0880")).toBe(
        secret === CREDENTIALS.password,
      );
    }
    expect(handedOutCredentials(changing, "0880")).toEqual(
      derivedCredentials("elks", CREDENTIALS.password, "0880"),
    );
  });

  it("refuse a short password, and every webhook when none is configured", async () => {
    expect(() => staticWebhookCredentials({ username: "u", password: "short" })).toThrow();
    expect(() => staticWebhookCredentials({ ...CREDENTIALS, nextPassword: "short" })).toThrow();
    await expect(webhookCredentialsFromEnv({}).get()).rejects.toThrow(/No telephony webhook credentials/);
    await expect(
      webhookCredentialsFromEnv({
        HOTLINE_WEBHOOK_USER: "elks",
        HOTLINE_WEBHOOK_PASSWORD: CREDENTIALS.password,
        HOTLINE_WEBHOOK_NEXT_PASSWORD: "the-next-webhook-password",
      }).get(),
    ).resolves.toEqual({ ...CREDENTIALS, nextPassword: "the-next-webhook-password" });
  });

  it("go into the callback URLs, keeping a base path of the API's own", () => {
    const kalmar = derivedCredentials("elks", CREDENTIALS.password, "0880");
    const url = new URL(
      webhookUrl("https://api.example.se/prod", "/v1/hotline/voice/0880/next", kalmar, { attempt: "2" }),
    );
    expect(url.pathname).toBe("/prod/v1/hotline/voice/0880/next");
    expect(url.searchParams.get("attempt")).toBe("2");
    expect(decodeURIComponent(url.username)).toBe("elks-0880");
    expect(decodeURIComponent(url.password)).toBe(kalmar.password);
  });
});
