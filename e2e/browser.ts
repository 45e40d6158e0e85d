/**
 * One headless Debian Chromium per test file, driven by playwright-core (never a downloaded
 * browser). Collects console errors per page so tests can assert there were none.
 */
import { mkdtempSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts");

/** Flags for Debian's Chromium on these machines (no background networking: the network is closed). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  await mkdir(ARTIFACTS, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), "lens-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  return { context, close: () => context.close() };
}

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
}

export async function openPage(context: BrowserContext, url: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return { page, consoleErrors };
}

/**
 * Scrolls down the page a screen at a time and back to the top, so every chart that is drawn
 * only once it comes near the viewport (DrawWhenNear) has been drawn.
 */
export async function scrollThrough(page: Page): Promise<void> {
  // A string, not a function: this module is also compiled without the DOM's types (bench/).
  await page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  })()`);
}

export type { Browser, Page };
