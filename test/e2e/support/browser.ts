/**
 * A real browser for the end-to-end tests: Debian's chromium through playwright-core (Playwright's
 * own browser download is not reachable), one per test file. Each page: the clock fixed to the
 * runtime's, Swedish, in a time zone other than Sweden's (the console must show Swedish time
 * anyway), with its script errors and Content-Security-Policy refusals collected.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { REPO_ROOT } from "../../../infra/local/paths";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = join(REPO_ROOT, "docs", "screenshots");

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });

export const LAPTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface ConsolePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught script errors and what the Content-Security-Policy refused: none is expected. */
  readonly errors: string[];
}

export const openPage = async (
  browser: Browser,
  options: { readonly now: Date; readonly viewport?: { width: number; height: number } },
): Promise<ConsolePage> => {
  // A page from browser.newContext(): axe-core's builder refuses one from browser.newPage().
  const context = await browser.newContext({
    viewport: options.viewport ?? LAPTOP,
    locale: "sv-SE",
    timezoneId: "America/New_York",
    reducedMotion: "reduce",
  });
  // The date the runtime's clock is pinned to, so deadlines read the same in both; timers still run.
  await context.clock.setFixedTime(options.now);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
  });
  return { context, page, errors };
};

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export const expectAccessible = async (page: Page, what: string): Promise<void> => {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe-core on ${what}`).toEqual([]);
};

/** The screenshot the README shows, written where the lead links it. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Nothing may still be loading or moving: the picture is of the page at rest.
  await page.waitForLoadState("networkidle");
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: "disabled",
  });
};
