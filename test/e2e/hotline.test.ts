/**
 * The on-call worker's night in the console, in a real browser against the real local runtime: the
 * telephony provider posts an unanswered call (its webhooks over HTTP, as 46elks sends them), and
 * the worker takes the callback task from the board to a completed triage.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { derivedCredentials } from "../../services/hotline/webhook-auth";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, PHONE, screenshot } from "./support/browser";
import { postJson, signIn, startConsoleRuntime, WEBHOOK_PASSWORD, WEBHOOK_USER } from "./support/runtime";

/** Saturday 28 November 2026, 23:40 in Sweden. */
const NOW = new Date("2026-11-28T23:40:00+01:00");
const CALLER = "+46706861004";
const KALMAR = "Kalmar (0880)";

let runtime: TestRuntime;
let browser: Browser;
let triageId: string;

/** What the provider does: a form post with Kalmar's basic credentials (derived from the secret). */
const KALMAR_HOOK = derivedCredentials(WEBHOOK_USER, WEBHOOK_PASSWORD, "0880");
const webhook = (path: string, form: Record<string, string>) =>
  runtime.request(path, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${KALMAR_HOOK.username}:${KALMAR_HOOK.password}`).toString("base64")}`,
    },
    body: new URLSearchParams(form).toString(),
  });

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  const admin = await runtime.token({ scope: "hotline:admin", municipality: "0880", sub: "jour-admin" });
  const schedule = await postJson(
    runtime,
    "/v1/hotline/schedules/0880",
    admin,
    {
      hotlineNumber: "+46766860000",
      timeZone: "Europe/Stockholm",
      handoffTime: "08:00",
      rotation: {
        startDate: "2026-11-23",
        shiftDays: 7,
        members: [
          { id: "anna", name: "Anna Lind", phone: "+46701000001" },
          { id: "bo", name: "Bo Ek", phone: "+46701000002" },
          { id: "cilla", name: "Cilla Berg" },
        ],
      },
      overrides: [{ start: "2026-11-28T18:00:00+01:00", end: "2026-11-29T08:00:00+01:00", memberId: "bo" }],
      manager: { id: "maja", name: "Maja Holm", phone: "+46701000009" },
      ringSeconds: 25,
      fallbackMessage: "https://ljud.kalmar.se/avhopp/meddelande.mp3",
    },
    "PUT",
  );
  expect(schedule.status).toBe(201);

  // Nobody answers: Bo, then Anna, then the manager; the caller hears the recorded message.
  const first = await webhook("/v1/hotline/voice/0880/incoming", {
    direction: "incoming",
    callid: "c-e2e-1",
    from: CALLER,
    to: "+46766860000",
  });
  expect(await first.json()).toMatchObject({ connect: "+46701000002" });
  for (const [attempt, result] of [
    [1, "failed"],
    [2, "busy"],
    [3, "failed"],
  ] as const) {
    const next = await webhook(`/v1/hotline/voice/0880/next?attempt=${attempt}`, {
      callid: "c-e2e-1",
      result,
    });
    expect(next.status).toBe(200);
  }
  const staff = await runtime.token({ scope: "hotline:handle", municipality: "0880" });
  const callbacks = z
    .object({ items: z.array(z.object({ id: z.string(), callId: z.string() })) })
    .parse(
      await (await runtime.request("/v1/hotline/triages?status=callback-needed", { token: staff })).json(),
    );
  triageId = callbacks.items.find((t) => t.callId === "c-e2e-1")?.id ?? "";
  expect(triageId).not.toBe("");
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the on-call worker's console", () => {
  it("takes an unanswered call from callback-needed to completed", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, {
      role: "Jourhavande socialsekreterare",
      municipality: KALMAR,
      sub: "jour-bo",
    });
    await page.getByRole("heading", { name: "Jourtavla" }).waitFor();
    const callbacks = page.getByRole("region", { name: /^Ring upp/ });
    const card = callbacks.getByRole("listitem").filter({ hasText: "Samtal lör 28 nov. 2026 23:40" });
    await card.waitFor();
    expect(await card.innerText()).toContain("24 timmar kvar");
    expect(await card.innerText()).toContain("Ingen svarade");
    expect(await page.content()).not.toContain("706861004");
    await expectAccessible(page, "the board");
    await screenshot(page, "jourtavla");

    await card.getByRole("button", { name: "Ta triageringen" }).click();
    await card.getByText("Tagen av jour-bo 23:40").waitFor();
    await card.getByRole("link", { name: "Samtal lör 28 nov. 2026 23:40" }).click();
    await page.getByRole("heading", { name: "Triagering, samtal lör 28 nov. 2026 23:40" }).waitFor();
    expect(await page.content()).not.toContain("706861004");

    // The caller's number only on demand.
    const caller = page.getByRole("region", { name: "Den som ringde" });
    await caller.getByRole("button", { name: "Visa telefonnummer" }).click();
    await caller.getByText(CALLER).waitFor();

    // Completing with steps pending: the 409 in words, naming the steps.
    const complete = page.getByRole("region", { name: "Avsluta triageringen" });
    await complete.getByRole("button", { name: "Avsluta triageringen" }).click();
    await complete.getByText("Alla steg måste vara gjorda eller markerade som inte behövs").waitFor();
    await complete
      .getByText(
        "Steg som återstår: Hotbedömning med polisen, Skyddsplacering, Dokumenterat beslut, Hänvisning till ekonomiskt bistånd.",
      )
      .waitFor();

    const step = (name: string) => page.getByRole("form", { name });
    const threat = step("Hotbedömning med polisen");
    await threat.getByRole("radio", { name: "Gjort", exact: true }).check();
    await threat.getByRole("button", { name: "Spara hotbedömning med polisen" }).click();
    await threat.getByText("Hotbedömning med polisen är sparat.").waitFor();

    const placement = step("Skyddsplacering");
    await placement.getByRole("radio", { name: "Behövs inte" }).check();
    await placement.getByRole("button", { name: "Spara skyddsplacering" }).click();
    await placement.locator("#step-protective-placement-reason-error").getByText("måste fyllas i").waitFor();
    await placement.getByLabel("Skäl till att steget inte behövs").fill("Bor hos anhörig");
    await placement.getByRole("button", { name: "Spara skyddsplacering" }).click();
    await placement.getByText("Skyddsplacering är sparat.").waitFor();

    const decision = step("Dokumenterat beslut");
    await decision.getByRole("radio", { name: "Gjort", exact: true }).check();
    await decision.getByRole("button", { name: "Spara dokumenterat beslut" }).click();
    await decision.getByText("Dokumenterat beslut är sparat.").waitFor();

    const assistance = step("Hänvisning till ekonomiskt bistånd");
    await assistance.getByRole("radio", { name: "Gjort", exact: true }).check();
    await assistance.getByLabel("Personens personnummer").fill("19900101-0018");
    await assistance.getByRole("button", { name: "Spara hänvisning till ekonomiskt bistånd" }).click();
    await assistance.getByText("är inte ett giltigt personnummer eller samordningsnummer").waitFor();
    await expectAccessible(page, "the triage with an error");
    await assistance.getByLabel("Personens personnummer").fill("19900101-0017");
    await assistance.getByRole("button", { name: "Spara hänvisning till ekonomiskt bistånd" }).click();
    await assistance.getByText("Hänvisning till ekonomiskt bistånd är sparat.").waitFor();
    // The refusal named the steps as they were; with each handled, it is gone.
    expect(await complete.getByText("Steg som återstår").count()).toBe(0);
    await caller.getByRole("button", { name: "Dölj numret" }).click();
    await screenshot(page, "triagering");

    await complete.getByRole("button", { name: "Avsluta triageringen" }).click();
    await page.getByRole("status").getByText("Triageringen är avslutad.").waitFor();
    const facts = page.getByRole("region", { name: "Samtalet" });
    await facts
      .getByRole("definition")
      .filter({ hasText: /^Avslutad$/ })
      .waitFor();
    expect(await facts.innerText()).toContain("jour-bo, lör 28 nov. 2026 23:40");
    await expectAccessible(page, "the completed triage");

    await page.getByRole("link", { name: "Till jourtavlan" }).click();
    await page.getByRole("heading", { name: "Ring upp (0)" }).waitFor();
    await page.getByRole("link", { name: "Vem har jour" }).click();
    const now = page.getByRole("region", { name: "Jour nu" });
    await now.getByText("Bo Ek").waitFor();
    expect(await now.innerText()).toContain("Ersätter ordinarie schema");
    expect(await now.innerText()).toContain("sön 29 nov. 2026 08:00");
    await expectAccessible(page, "who is on call");
    await screenshot(page, "vem-har-jour");
    expect(errors).toEqual([]);
  });

  it("fits a phone at night", async () => {
    const { page } = await openPage(browser, { now: NOW, viewport: PHONE });
    await signIn(page, runtime.url, { role: "Jourhavande socialsekreterare", municipality: KALMAR });
    await page.getByRole("heading", { name: "Jourtavla" }).waitFor();
    await page.getByRole("heading", { name: /^Öppna triageringar/ }).waitFor();
    const overflow = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    expect(overflow).toBe(false);
    await expectAccessible(page, "the board on a phone");
    await screenshot(page, "jourtavla-mobil");
  });

  it("shows a worker of another municipality none of it", async () => {
    const { page } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, {
      role: "Jourhavande socialsekreterare",
      municipality: "Uppsala (0380)",
    });
    await page.getByRole("heading", { name: "Ring upp (0)" }).waitFor();
    await page.getByRole("heading", { name: "Öppna triageringar (0)" }).waitFor();
    await page.goto(`${runtime.url}/#/jour/triage/${triageId}`);
    await page.getByText("Det finns inte, eller så har du inte behörighet att se det.").waitFor();
  });
});
