/**
 * The pilot reports in a real browser against the real local runtime: one release notice reaches
 * Kalmar this month, and Socialstyrelsen's förstärkningsteam pulls the month, sees the count of one
 * suppressed (with the reason in words, never a 0), and downloads the API's own CSV.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../support/runtime";
import { expectAccessible, launchBrowser, openPage, SCREENSHOT_DIR } from "./support/browser";
import { postReleaseNotices, signIn, startConsoleRuntime } from "./support/runtime";

/** Tuesday 24 November 2026, 09:00 in Sweden (before the real date: the sign-in's token is minted on the real clock). */
const NOW = new Date("2026-11-24T09:00:00+01:00");

let runtime: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startConsoleRuntime(NOW), launchBrowser()]);
  await postReleaseNotices(runtime, [{ noticeId: "KV-2026-000301", expectedReleaseDate: "2027-04-30" }]);
  // The notice's event reaches pilot-reports through the queue.
  await runtime.tick();
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe("the pilot reports", () => {
  it("shows a small count as suppressed with the reason, and downloads exactly the API's CSV", async () => {
    const { page, errors } = await openPage(browser, { now: NOW });
    await signIn(page, runtime.url, { role: "Socialstyrelsen" });
    await page.getByRole("heading", { name: "Pilotrapporter", level: 1 }).waitFor();
    await page.getByRole("checkbox", { name: "Kalmar (0880)" }).check();
    await page.getByRole("checkbox", { name: "Uppsala (0380)" }).check();
    // A malformed month is the API's 400, said next to its field.
    await page.getByLabel("Från och med månad").fill("2026-13");
    await page.getByLabel("Till och med månad").fill("2026-11");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(() => page.locator("#report-from-error").textContent()).toBe("har ett ogiltigt värde");
    await page.getByLabel("Från och med månad").fill("2026-11");
    await page.getByRole("button", { name: "Visa", exact: true }).click();

    const received = page.getByRole("region", { name: "Inkomna underrättelser inför frigivning" });
    await received.waitFor();
    expect(await received.innerText()).toContain("Release notices received");
    const kalmar = received.locator("td[data-label='Kalmar']");
    await expect.poll(() => kalmar.innerText()).toMatch(/^Dold\s+Dold för att skydda enskilda: färre än 5/);
    expect(await kalmar.innerText()).toContain("Systemet");
    expect(await kalmar.innerText()).not.toMatch(/\b0\b/);
    // The chart library arrives on demand and draws the months beside the table.
    await received.locator(".chart canvas").first().waitFor();
    await expectAccessible(page, "the pilot reports");
    // The whole page is every metric of the catalogue, too long a picture: its top, and the suppressed cell.
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "pilotrapporter.png"), animations: "disabled" });
    await received.screenshot({
      path: join(SCREENSHOT_DIR, "pilotrapporter-dold.png"),
      animations: "disabled",
    });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ner CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("pilotrapport-2026-11-2026-11.csv");
    const saved = await readFile((await download.path()) ?? "", "utf8");
    const sos = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
    // Through the runtime's response check: the CSV answer is in the OpenAPI document too.
    const fromApi = await runtime.request(
      "/v1/reports/pilot?municipality=0880,0380&from=2026-11&to=2026-11&format=csv",
      { token: sos },
    );
    expect(saved).toBe(await fromApi.text());
    expect(saved).toContain("0880,2026-11,release-notices-received,,true,system,");
    expect(errors).toEqual([]);
  });
});
