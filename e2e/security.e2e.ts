/**
 * The security headers as a browser applies them, on the real built app: every page runs under
 * the Content-Security-Policy with no violation, the dashboard refuses to be framed by another
 * site while a chart-only /embed/… page may be, and scripts and styles arrive compressed.
 */
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it("runs every page under the Content-Security-Policy without a violation", async () => {
  for (const path of ["/", "/explore", "/benchmark/886", "/contracts", "/quality", "/sources"]) {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self'/);
    await page.locator("main").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(violations, path).toEqual([]);
    await page.close();
  }
});

it("refuses to frame the dashboard on another site but lets any site frame an embed", async () => {
  const host = await browser.context.newPage();
  const refusals: string[] = [];
  host.on("console", (msg) => {
    if (/frame-ancestors|Refused to (display|frame)/i.test(msg.text())) refusals.push(msg.text());
  });
  await host.setContent(
    `<!doctype html><iframe id="page" src="${baseUrl}/explore"></iframe><iframe id="embed" src="${baseUrl}/embed/homes-good-outstanding-by-sector"></iframe>`,
  );
  await host.frameLocator("#embed").locator(".embed__chart svg").waitFor();
  // The refused frame never gets the app's root element.
  const dashboard = host.frames().find((f) => f.url().includes("/explore"));
  const rendered = dashboard
    ? await dashboard
        .locator("#root")
        .count()
        .catch(() => 0)
    : 0;
  expect(rendered).toBe(0);
  expect(refusals.length).toBeGreaterThan(0);
  await host.close();
});

it("sends JavaScript compressed when the browser asks", async () => {
  const page = await browser.context.newPage();
  const seen: Promise<{ url: string; encoding: string; bytes: number }>[] = [];
  page.on("response", (response) => {
    if (!response.url().endsWith(".js")) return;
    const encoding = response.headers()["content-encoding"] ?? "none";
    seen.push(response.body().then((body) => ({ url: response.url(), encoding, bytes: body.length })));
  });
  await page.goto(`${baseUrl}/`);
  await page.waitForLoadState("networkidle");
  const scripts = await Promise.all(seen);
  // The build compresses files of 1 KiB or more (precompress.ts): below that the headers outweigh the saving.
  const large = scripts.filter((s) => s.bytes >= 1024);
  expect(large.length).toBeGreaterThan(0);
  expect(large.filter((s) => s.encoding !== "br" && s.encoding !== "gzip")).toEqual([]);
  await page.close();
});
