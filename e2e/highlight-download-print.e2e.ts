/**
 * What researchers and council leads expect, in a real Chromium against the real server:
 * a highlighted council drawn among all the others in Explore, the Contracts table downloaded
 * whole from the data API as CSV (byte-order mark, no "#" lines, exactly the filtered count)
 * and XLSX (a Data and an About sheet), every page printed to PDF without navigation or
 * controls (the council benchmark on one A4 page), focus on the heading after navigation and
 * a live match count in the council search. Files and PDFs land in e2e/artifacts/research/.
 */

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readCsvExport } from "@lens/core";
import { strFromU8, unzipSync } from "fflate";
import type { Download } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage, type Page } from "./browser.js";
import { trpcGet } from "./page-checks.js";

const baseUrl = inject("baseUrl");
const OUT = join(ARTIFACTS, "research");
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
});
afterAll(() => browser.close());
// Pages left open keep polling and drawing; on two shared cores they slow the next test's page.
afterEach(async () => {
  for (const p of browser.context.pages()) await p.close();
});

const api = <T>(path: string, input?: unknown): Promise<T> => trpcGet<T>(baseUrl, path, input);

async function save(download: Download): Promise<Buffer> {
  const path = join(OUT, download.suggestedFilename());
  await download.saveAs(path);
  return readFile(path);
}

/** Charts drawn only when scrolled near are drawn before printing, as the print dialog's `beforeprint` asks. */
async function drawForPrint(page: Page, charts: number): Promise<void> {
  // Asked again while the charts' data arrive: a frame that mounts later missed the first event.
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
        return page.locator(".chart-canvas svg.recharts-surface, .empty-chart").count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(charts);
}

describe("highlight, not filter", () => {
  it("Explore's scatter draws every council, the highlighted one distinguished and named with its ranks", async () => {
    const scatter = await api<{ points: { laCode: string; name: string; x: number | null; y: number | null }[] }>(
      "metrics.scatter",
      { x: "median_annual_value", y: "share_36_months", filters: {} },
    );
    const drawn = scatter.points.filter((p) => p.x !== null && p.y !== null);
    expect(drawn.length).toBeGreaterThan(10);
    const council = drawn[Math.floor(drawn.length / 2)]!;
    const { page, consoleErrors } = await openPage(
      browser.context,
      `${baseUrl}/explore?metric=share_36_months&chart=scatter&x=median_annual_value&highlight=${council.laCode}`,
    );
    await expect.poll(() => page.locator(".scatter-point").count(), { timeout: 30_000 }).toBe(drawn.length);
    await expect(page.locator(".scatter-highlight").count()).resolves.toBe(1);
    await expect(page.locator(".scatter-highlight text").textContent()).resolves.toBe(council.name);
    const words = await page.getByTestId("highlight-line").textContent();
    expect(words).toMatch(new RegExp(`^${council.name} is highlighted: .+ of ${drawn.length}\\)`));
    // The picker shows it, and the legend names it.
    await expect(page.getByLabel("Highlight a council").inputValue()).resolves.toBe(council.laCode);
    await expect(page.locator("figure .legend").textContent()).resolves.toContain(council.name);
    await page.screenshot({ path: join(OUT, "explore-highlight-scatter.png"), fullPage: true });

    // Ranked bars keep every council too, one of them in the highlight colour.
    await page.goto(`${baseUrl}/explore?metric=share_36_months&chart=bar&by=council&highlight=${council.laCode}`);
    await expect
      .poll(() => page.getByTestId("highlight-line").textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^${council.name} is highlighted: .+, ranked \\d+\\w\\w of \\d+ councils with a value`));
    await expect.poll(() => page.locator("figure .recharts-bar-rectangle").count()).toBeGreaterThan(10);
    expect(consoleErrors).toEqual([]);
  });

  it("one council chosen as a filter offers the highlight instead, which keeps all the others", async () => {
    const scatter = await api<{ points: { laCode: string; name: string; x: number | null; y: number | null }[] }>(
      "metrics.scatter",
      { x: "median_annual_value", y: "share_36_months", filters: {} },
    );
    const council = scatter.points.find((p) => p.x !== null && p.y !== null)!;
    const { page } = await openPage(
      browser.context,
      `${baseUrl}/explore?metric=share_36_months&chart=scatter&x=median_annual_value&council=${council.laCode}`,
    );
    await expect.poll(() => page.locator(".scatter-point").count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole("button", { name: `Highlight ${council.name} among all councils instead` }).click();
    await expect.poll(() => page.locator(".scatter-point").count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const url = new URL(page.url());
    expect(url.searchParams.get("highlight")).toBe(council.laCode);
    expect(url.searchParams.has("council")).toBe(false);
  });
});

describe("downloads people can use", () => {
  it("the Contracts table downloads whole as CSV (BOM, no # lines, the filtered count) and XLSX (two sheets)", async () => {
    const service = "fostering";
    const { page, consoleErrors } = await openPage(
      browser.context,
      `${baseUrl}/contracts?service=${service}&from=2018`,
    );
    const totalText = await page.getByTestId("contracts-total").textContent({ timeout: 30_000 });
    const total = Number(totalText!.replace(/,/g, ""));
    expect(total).toBeGreaterThan(25); // more than one page: the file holds the selection, not the page
    const links = page.getByTestId("contracts-downloads");
    await expect(links.textContent()).resolves.toContain(`Download all ${totalText} contracts`);

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      links.locator("a[data-format=csv]").click(),
    ]);
    const csvBytes = await save(csvDownload);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csvBytes.toString("utf8");
    expect(text.split(/\r?\n/).some((line) => line.replace(/^\uFEFF/, "").startsWith("#"))).toBe(false);
    const { comments, header, rows: body } = readCsvExport(text);
    const rows = [header, ...body];
    expect(comments).toEqual([]);
    const dataRows = rows.filter((r) => r.length > 1 || r[0] !== "");
    expect(dataRows.length - 1).toBe(total);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      links.locator("a[data-format=xlsx]").click(),
    ]);
    const xlsxBytes = await save(xlsxDownload);
    const files = unzipSync(new Uint8Array(xlsxBytes));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Data", "About"]);
    const sheet1 = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect((sheet1.match(/<row[ >]/g) ?? []).length - 1).toBe(total);
    await writeFile(
      join(OUT, "contracts-downloads.json"),
      JSON.stringify({ service, from: 2018, total, csvBytes: csvBytes.length, xlsxBytes: xlsxBytes.length }, null, 2),
    );
    expect(consoleErrors).toEqual([]);
  });

  it("every chart exports an XLSX with a Data and an About sheet", async () => {
    const { page } = await openPage(browser.context, `${baseUrl}/explore?metric=share_36_months&by=model`);
    const frame = page.locator("figure[data-chart-id]").first();
    await frame.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
    await frame.getByRole("button", { name: "Export", exact: true }).click();
    // Written by the server from the same spec as the chart's CSV.
    const [download, written] = await Promise.all([
      page.waitForEvent("download"),
      page.waitForResponse((r) => r.url().includes("/api/trpc/exportChartXlsx?")),
      frame.getByRole("button", { name: /^Download XLSX/ }).click(),
    ]);
    expect(written.status()).toBe(200);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const files = unzipSync(new Uint8Array(await save(download)));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Data", "About"]);
  });
});

const PRINTED = [
  { path: "/", charts: 5 },
  { path: "/explore?highlight=886", charts: 1 },
  { path: "/benchmark/886", charts: 1 },
  { path: "/contracts", charts: 0 },
  { path: "/quality", charts: 5 },
  { path: "/evidence", charts: 0 },
  { path: "/sources", charts: 0 },
] as const;

/** Pages in a Chromium PDF: one `/Type /Page` object each (not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe("print", () => {
  for (const p of PRINTED)
    it(`${p.path} prints to PDF without navigation, filters or buttons${p.path.startsWith("/benchmark") ? ", on one A4 page" : ""}`, async () => {
      const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}${p.path}`);
      await page.locator("main h1").waitFor({ timeout: 30_000 });
      await drawForPrint(page, p.charts);
      await page.emulateMedia({ media: "print" });
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll("nav, button:not(.link-button), select, input, form, .export-menu")]
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? "").slice(0, 40)}`),
      );
      expect(shown, "controls or navigation on paper").toEqual([]);
      // innerText, not textContent: only the text the print layout renders.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
      const printed = await page.evaluate(() => document.body.innerText);
      expect(printed).not.toContain("Skip to content");
      expect(printed).toContain(`Permalink: ${baseUrl}/`);
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
      await writeFile(join(OUT, `print${p.path.replace(/[^a-z0-9]+/gi, "-")}.pdf`), pdf);
      if (p.path.startsWith("/benchmark")) {
        expect(pdfPages(pdf), "the council profile fits one A4 page").toBe(1);
        await page.setViewportSize({ width: 718, height: 1062 });
        await page.screenshot({ path: join(OUT, "benchmark-profile-print.png"), fullPage: true });
      } else expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
      expect(consoleErrors).toEqual([]);
    });
});

describe("accessibility beyond axe", () => {
  it("a new page moves focus to its heading, and so does going back", async () => {
    const { page } = await openPage(browser.context, `${baseUrl}/`);
    await page.locator("main h1").waitFor({ timeout: 30_000 });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contracts" }).click();
    await expect
      .poll(() => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`))
      .toBe("H1:Contracts");
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("every chart is a figure named by its title and described by its summary", async () => {
    const { page } = await openPage(browser.context, `${baseUrl}/explore?metric=share_36_months&by=model`);
    const figure = page.locator("figure[data-chart-id]").first();
    await figure.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
    const described = await figure.evaluate((f) => {
      const name = document.getElementById(f.getAttribute("aria-labelledby") ?? "")?.textContent ?? "";
      const description = document.getElementById(f.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
      return { name, description };
    });
    expect(described.name.length).toBeGreaterThan(5);
    expect(described.description.length).toBeGreaterThan(20);
  });

  it("the council search announces how many councils match", async () => {
    const { page } = await openPage(browser.context, `${baseUrl}/explore?metric=share_36_months&by=model`);
    await page.getByRole("button", { name: /^Council/ }).click();
    const count = page.locator(".multi-select__count[aria-live=polite]");
    await expect(count.textContent()).resolves.toMatch(/^\d+ to choose from$/);
    await page.getByRole("searchbox", { name: "Search councils" }).fill("shire");
    await expect.poll(() => count.textContent()).toMatch(/^\d+ match(es)?$/);
  });
});
