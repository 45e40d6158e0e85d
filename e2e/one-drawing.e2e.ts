/**
 * One drawing: for every chart kind, the chart on its page, the same chart at /embed/<id> and
 * the chart inside the downloaded SVG export have the same marks (counted by type), the same
 * fills and the same tick labels, and say the same legend words. All three are LensChart; this
 * test is what keeps them one picture. Each chart's three signatures land in
 * e2e/artifacts/one-drawing/ with the export, to be looked at.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage } from "./browser.js";

const baseUrl = inject("baseUrl");
const OUT = join(ARTIFACTS, "one-drawing");
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
});
afterAll(() => browser.close());

interface Signature {
  marks: Record<string, number>;
  fills: string[];
  xTicks: string[];
  yTicks: string[];
}

/**
 * Runs in the page (Playwright sends its source): counts an <svg>'s marks by element and role,
 * lists their fills and reads both axes' tick labels. A mark's role is the nearest class that
 * names what it draws.
 */
function signature(svg: Element): Signature {
  const ROLES = [
    "box-outlier",
    "box-outliers-above",
    "box-adjusted-interval",
    "box-adjusted",
    "box-whisker",
    "box-body",
    "box",
    "scatter-point",
    "scatter-highlight",
    "line-point",
    "recharts-errorBar",
    "recharts-reference-line",
    "recharts-area",
    "recharts-line",
    "recharts-bar-rectangle",
    "recharts-cartesian-grid",
    "recharts-cartesian-axis-tick-labels",
    "recharts-cartesian-axis",
    "recharts-label",
  ];
  const roleOf = (el: Element): string => {
    for (let e: Element | null = el; e && e !== svg; e = e.parentElement) {
      const cls = (e.getAttribute("class") ?? "").split(/\s+/);
      const role = ROLES.find((r) => cls.includes(r));
      if (role) return role;
    }
    return "other";
  };
  const marks: Record<string, number> = {};
  const fills = new Set<string>();
  for (const el of svg.querySelectorAll("path, rect, circle, line, polygon, text")) {
    const role = roleOf(el);
    const tag = el.tagName.toLowerCase();
    const key = `${tag} ${role}`;
    marks[key] = (marks[key] ?? 0) + 1;
    if (!role.startsWith("recharts-cartesian") && tag !== "text") {
      const fill = el.getAttribute("fill");
      if (fill && fill !== "none") fills.add(`${fill.toLowerCase()}@${el.getAttribute("fill-opacity") ?? "1"}`);
    }
  }
  const ticks = (axis: string) =>
    [...svg.querySelectorAll(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`)].map(
      (t) => t.textContent?.trim() ?? "",
    );
  return { marks, fills: [...fills].sort(), xTicks: ticks("xAxis"), yTicks: ticks("yAxis") };
}

async function signatureOf(page: Page, selector: string): Promise<Signature> {
  const svg = page.locator(selector).first();
  await svg.waitFor();
  // recharts settles over a few frames: read once two readings agree.
  let last = "";
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await svg.evaluate(signature));
    if (now === last) break;
    last = now;
    await page.waitForTimeout(150);
  }
  return JSON.parse(last) as Signature;
}

/** The exported file's chart, parsed by the browser into a scratch container of the page. */
async function signatureOfMarkup(page: Page, markup: string): Promise<Signature> {
  await page.evaluate((svg) => {
    const scratch = document.createElement("div");
    scratch.id = "exported-svg";
    scratch.hidden = true;
    scratch.append(new DOMParser().parseFromString(svg, "image/svg+xml").documentElement);
    document.body.append(scratch);
  }, markup);
  const result = await page.locator('#exported-svg svg[data-role="chart"]').evaluate(signature);
  await page.evaluate(() => document.getElementById("exported-svg")?.remove());
  return result;
}

/** The legend's words, one string: the page's list items, or the export's legend text lines. */
async function legendWords(page: Page, figure: string): Promise<string> {
  const items = await page.locator(`${figure} ul.legend li`).allTextContents();
  return items.join(" ").replace(/\s+/g, " ").trim();
}

function exportLegendWords(svg: string): string {
  return [...svg.matchAll(/<text[^>]*data-role="legend"[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!.replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

async function api<T>(procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok, `${procedure} ${res.status}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** A council drawn in the scatter (so with a value on both axes, and in the ranked bars too). */
async function councilDrawn(): Promise<string> {
  const data = await api<{ points: { laCode: string; x: number | null; y: number | null }[] }>("metrics.scatter", {
    x: "median_annual_value",
    y: "share_36_months",
    filters: {},
  });
  const point = data.points.find((p) => p.x !== null && p.y !== null);
  expect(point, "a council with both values").toBeDefined();
  return point!.laCode;
}

/** A kind's chart: the page that draws it; `id` when the page has several charts. */
const CASES = [
  { kind: "bar (whiskers)", page: "/?from=2016&to=2024", id: "share-36-months-by-model" },
  { kind: "stacked bar (mix)", page: "/?from=2016&to=2024", id: "procedure-mix-by-model" },
  { kind: "line with band", page: "/?from=2016&to=2024", id: "homes-good-outstanding-by-sector" },
  { kind: "box", page: "/?from=2016&to=2024", id: "contract-length-by-model" },
  { kind: "grouped bar", page: "/explore?metric=share_36_months&by=model&by2=service&chart=grouped-bar" },
  { kind: "ranked bars, highlighted", page: "/explore?metric=share_36_months&by=council&chart=bar&highlight=" },
  {
    kind: "scatter, highlighted",
    page: "/explore?metric=share_36_months&chart=scatter&x=median_annual_value&highlight=",
  },
  // A benchmark's charts have no /embed/ recipe of their own: page and export are compared.
  // {council}: a council with published values (see councilDrawn).
  {
    kind: "benchmark ranked bars",
    page: "/benchmark/{council}",
    id: "benchmark-share_36_months-{council}",
    embed: false,
  },
  {
    kind: "benchmark trend",
    page: "/benchmark/{council}",
    id: "benchmark-trend-share_36_months-{council}",
    embed: false,
  },
] as const;

describe("one drawing for page, embed and export", () => {
  for (const c of CASES)
    it(`draws the ${c.kind} chart with the same marks, fills and ticks on the page${"embed" in c ? "" : ", in the embed"} and in the SVG`, async () => {
      const council = c.page.endsWith("highlight=") || c.page.includes("{council}") ? await councilDrawn() : "";
      const path = c.page.endsWith("highlight=") ? `${c.page}${council}` : c.page.replace("{council}", council);
      const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}${path}`);
      const figure =
        "id" in c ? `figure[data-chart-id="${c.id.replace("{council}", council)}"]` : "figure[data-chart-id]";
      // Charts below the fold are drawn when scrolled near.
      await page.locator(figure).first().scrollIntoViewIfNeeded({ timeout: 30_000 });
      // Charts below the fold may draw only once scrolled to.
      await page.locator(figure).first().scrollIntoViewIfNeeded();
      await page.locator(`${figure} svg.recharts-surface`).first().waitFor({ timeout: 30_000 });
      const id = (await page.locator(figure).first().getAttribute("data-chart-id"))!;
      const onPage = await signatureOf(page, `${figure} svg.recharts-surface`);
      const pageLegend = await legendWords(page, figure);

      const frame = page.locator(figure).first();
      await frame.getByRole("button", { name: "Export", exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        frame.getByRole("button", { name: "Download SVG" }).click(),
      ]);
      const file = join(OUT, `${id}.svg`);
      await download.saveAs(file);
      const svg = await readFile(file, "utf8");
      const exported = await signatureOfMarkup(page, svg);

      await writeFile(join(OUT, `${id}.json`), JSON.stringify({ onPage, exported }, null, 2));

      // Something was drawn, and it is the same drawing three times.
      const dataMarks = Object.entries(onPage.marks).filter(
        ([k]) => !/cartesian-(axis|grid)|other/.test(k) && !k.startsWith("text"),
      );
      expect(dataMarks.length, JSON.stringify(onPage.marks)).toBeGreaterThan(0);
      expect(onPage.yTicks.length).toBeGreaterThan(1);
      expect(exported).toEqual(onPage);
      expect(exportLegendWords(svg)).toBe(pageLegend);
      if (c.kind.includes("highlighted") || c.kind === "benchmark ranked bars") {
        expect(onPage.fills.some((f) => f.startsWith("#d55e00@1"))).toBe(true);
        expect(pageLegend).toMatch(/\(highlighted\)/);
      }
      expect(consoleErrors).toEqual([]);
      await page.close();

      if ("embed" in c) return;
      const query = path.includes("?") ? path.slice(path.indexOf("?")) : "";
      const embed = await openPage(browser.context, `${baseUrl}/embed/${id}${query}`);
      expect(await signatureOf(embed.page, ".embed__chart svg.recharts-surface")).toEqual(onPage);
      expect(await legendWords(embed.page, ".embed__chart")).toBe(pageLegend);
      expect(embed.consoleErrors).toEqual([]);
      await embed.page.close();
    });
});
