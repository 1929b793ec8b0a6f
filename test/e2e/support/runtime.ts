/**
 * The local runtime with the console, as `npm start` serves it, on a free port with its own tables
 * and queues, the clock pinned; and the local sign-in, used the way a person uses it.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import * as z from "zod";
import { buildConsole, type ConsoleBuild } from "../../../console/build";
import { createLocalConsole } from "../../../infra/local/console";
import { startRuntimeForTest, type TestRuntime, testTokens } from "../../support/runtime";

export const WEBHOOK_USER = "elks-e2e";
export const WEBHOOK_PASSWORD = "e2e-webhook-password-0123";

let built: Promise<ConsoleBuild> | undefined;

export const startConsoleRuntime = async (now: Date): Promise<TestRuntime> => {
  // What the hotline reads for its webhooks' basic credentials; this worker's environment only.
  process.env.HOTLINE_WEBHOOK_USER = WEBHOOK_USER;
  process.env.HOTLINE_WEBHOOK_PASSWORD = WEBHOOK_PASSWORD;
  built ??= buildConsole();
  const runtime = await startRuntimeForTest({
    console: await createLocalConsole({ tokens: await testTokens(), build: await built }),
  });
  runtime.clock.set(now);
  return runtime;
};

export interface SignInAs {
  /** The role's title on the sign-in page, e.g. "Handläggare i Mottag". */
  readonly role: string;
  /** The option's text, e.g. "Kalmar (0880)". */
  readonly municipality?: string;
  readonly sub?: string;
}

/** From the console's start page through the local sign-in page and back, signed in. */
export const signIn = async (page: Page, baseUrl: string, as: SignInAs): Promise<void> => {
  await page.goto(`${baseUrl}/`);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect.poll(() => page.url()).toContain("/_local/sign-in");
  await page.getByRole("radio", { name: as.role }).check();
  if (as.municipality)
    await page.getByLabel("Kommun", { exact: true }).selectOption({ label: as.municipality });
  if (as.sub) await page.getByLabel("Användar-id (frivilligt)").fill(as.sub);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();
};

/** The API as a machine client uses it: JSON with a bearer token. */
export const postJson = (runtime: TestRuntime, path: string, token: string, body: unknown, method = "POST") =>
  runtime.request(path, {
    method,
    token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * The school's concern report about a 14-year-old in Kalmar that the intake pages start from, posted
 * as the school's e-service would (its own idempotency key); the referral's id.
 */
export const postSchoolConcern = async (runtime: TestRuntime, idempotencyKey: string): Promise<string> => {
  const school = await runtime.token({ scope: "referrals:write", municipality: "0880", sub: "skola-kalmar" });
  const posted = await runtime.request("/v1/referrals", {
    method: "POST",
    token: school,
    headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify({
      kind: "concern",
      municipality: "0880",
      subject: { personalIdentityNumber: "20120510-1239" },
      reporter: { role: "school" },
      summary: "Eleven har berättat om hot från äldre kamrater.",
    }),
  });
  expect(posted.status).toBe(201);
  return z.object({ id: z.string() }).parse(await posted.json()).id;
};

export interface NoticeToPost {
  readonly noticeId: string;
  readonly expectedReleaseDate: string;
  readonly needs?: readonly string[];
}

/** Kriminalvården's system posts a notice about one person released to Kalmar; anything but 201 fails the test. */
export const postReleaseNotices = async (
  runtime: TestRuntime,
  notices: readonly NoticeToPost[],
): Promise<void> => {
  const kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden-system" });
  for (const { noticeId, expectedReleaseDate, needs = ["housing"] } of notices) {
    const posted = await postJson(runtime, "/v1/release-notices", kv, {
      noticeId,
      municipality: "0880",
      person: { personalIdentityNumber: "19900101-0017" },
      institution: "Anstalten Kumla",
      expectedReleaseDate,
      releaseType: "conditional",
      needs,
      contact: { name: "Anna Andersson", phone: "+46101234567", email: "anna.andersson@kriminalvarden.se" },
    });
    expect(posted.status).toBe(201);
  }
};
