/**
 * Comparisons that hold up, in a real browser on the sample warehouse: the Overview's share
 * chart draws "as recorded" and "like for like" side by side with the API's numbers, the box
 * plot carries the like-for-like medians, the concentration sentence and the contributing
 * sources travel with the picture and the CSV, and leaving a council out is a URL (a permalink)
 * that redraws the charts and is undone from its chip.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { answerSourceLine } from "@lens/charts/source-line";
import { readCsvExport } from "@lens/core";
import type { Download, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage } from "./browser.js";

const baseUrl = inject("baseUrl");
const OUT = join(ARTIFACTS, "like-for-like");
const SHARE = "share-36-months-by-model";
const LENGTH = "contract-length-by-model";
const RECORDED = "As recorded";
const LIKE_FOR_LIKE = "Like for like (service × source mix)";
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

interface Answer {
  rows: {
    dims: Record<string, string | null>;
    value: number | null;
    n: number;
    adjusted?: { value: number | null; ciLow: number | null; ciHigh: number | null };
  }[];
  adjustedFor: string[];
  concentration: { dimension: string; value: string | null; label: string; share: number }[];
  sentence: string | null;
  sources: { id: string; label: string; rows: number }[];
}

async function compare(input: unknown): Promise<Answer> {
  const res = await fetch(`${baseUrl}/api/trpc/metrics.compare?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok).toBe(true);
  return ((await res.json()) as { result: { data: Answer } }).result.data;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The text of every <text> element of an SVG, entities decoded, joined by spaces. */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!.replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))))
    .join(" ");
}

async function download(page: Page, frame: Locator, what: "SVG" | "CSV"): Promise<string> {
  const toggle = frame.getByRole("button", { name: "Export", exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const [file] = (await Promise.all([
    page.waitForEvent("download"),
    frame.getByRole("button", { name: `Download ${what}` }).click(),
  ])) as [Download, unknown];
  const path = join(OUT, file.suggestedFilename());
  await file.saveAs(path);
  return readFile(path, "utf8");
}

/** "Download CSV" saves two files: the rows, then the about file that says what they are. */
async function downloadCsvWithAbout(page: Page, frame: Locator): Promise<[string, string]> {
  const toggle = frame.getByRole("button", { name: "Export", exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const files: Download[] = [];
  const onDownload = (d: Download) => void files.push(d);
  page.on("download", onDownload);
  await frame.getByRole("button", { name: "Download CSV" }).click();
  await expect.poll(() => files.length).toBe(2);
  page.off("download", onDownload);
  const read = async (d: Download) => {
    const path = join(OUT, d.suggestedFilename());
    await d.saveAs(path);
    return readFile(path, "utf8");
  };
  const csv = files.find((d) => d.suggestedFilename().endsWith(".csv"))!;
  const about = files.find((d) => d.suggestedFilename().endsWith(".about.txt"))!;
  return [await read(csv), await read(about)];
}

describe("like for like beside as recorded", () => {
  let page: Page;
  let consoleErrors: string[];
  let answer: Answer;

  beforeAll(async () => {
    answer = await compare({ metric: "share_36_months", groupBy: ["model"], adjust: ["service", "source"] });
    ({ page, consoleErrors } = await openPage(browser.context, `${baseUrl}/`));
    // Charts below the fold are drawn when scrolled near: bring this one into view, as a reader would.
    const figure = page.locator(`figure[data-chart-id="${SHARE}"]`);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator(".recharts-bar-rectangle").first().waitFor();
  }, 60_000);

  it("draws both values per model, keyed in the legend, with the API's like-for-like values and intervals in the table", async () => {
    expect(answer.adjustedFor).toEqual(["service", "source"]);
    const frame = page.locator(`figure[data-chart-id="${SHARE}"]`);
    const legend = frame.getByRole("list", { name: "Legend" });
    await expect(legend.textContent()).resolves.toContain(RECORDED);
    await expect(legend.textContent()).resolves.toContain(LIKE_FOR_LIKE);
    // A bar per model as recorded and another like for like.
    const recorded = answer.rows.filter((r) => r.value !== null).length;
    const adjusted = answer.rows.filter((r) => r.adjusted?.value != null).length;
    expect(adjusted).toBeGreaterThan(1);
    await expect.poll(() => frame.locator(".recharts-bar-rectangle").count()).toBe(recorded + adjusted);

    await frame.getByRole("button", { name: "View as table" }).click();
    const headers = await frame.locator("thead th").allTextContents();
    expect(headers).toEqual(
      expect.arrayContaining([LIKE_FOR_LIKE, `${LIKE_FOR_LIKE}: 95% CI low`, `${LIKE_FOR_LIKE}: 95% CI high`]),
    );
    const cooperative = answer.rows.find((r) => r.dims.model === "cooperative")!;
    const row = await frame.getByRole("row", { name: /^Cooperative / }).textContent();
    for (const v of [
      cooperative.value!,
      cooperative.adjusted!.value!,
      cooperative.adjusted!.ciLow!,
      cooperative.adjusted!.ciHigh!,
    ])
      expect(row).toContain(pct(v));
    await frame.getByRole("button", { name: "View as chart" }).click();
  });

  it("says in words how like for like compares with as recorded, and the concentration when there is one", async () => {
    const frame = page.locator(`figure[data-chart-id="${SHARE}"]`);
    const said = (await frame.locator(".chart-frame__disclosure").allTextContents()).join(" ");
    // One sentence of what changes, one line of the strata compared.
    expect(said).toMatch(/Like for like, /);
    expect(said).toMatch(/Compared within (all )?\d+ (of \d+ )?service × source strat/);
    if (answer.sentence) {
      expect(said).toContain(answer.sentence);
      await expect(frame.locator(".chart-frame__note").allTextContents()).resolves.toContain(answer.sentence);
    } else expect(said).not.toMatch(/ of these contracts come from /);
  });

  it("lists exactly the answer's sources in the source line", async () => {
    const frame = page.locator(`figure[data-chart-id="${SHARE}"]`);
    await expect(frame.locator(".chart-frame__source").textContent()).resolves.toContain(
      answerSourceLine(answer.sources, true),
    );
  });

  it("draws the like-for-like median beside each box", async () => {
    const medians = await compare({
      metric: "median_duration_months",
      groupBy: ["model"],
      adjust: ["service", "source"],
    });
    const withValue = medians.rows.filter((r) => r.adjusted?.value != null).length;
    expect(withValue).toBeGreaterThan(0);
    const frame = page.locator(`figure[data-chart-id="${LENGTH}"]`);
    await expect.poll(() => frame.locator(".box-adjusted").count()).toBe(withValue);
    await expect(frame.getByRole("list", { name: "Legend" }).textContent()).resolves.toContain(
      "Diamond: median like for like",
    );
  });

  it("exports both labels, the words and the source line in the SVG, and both columns in the CSV", async () => {
    const frame = page.locator(`figure[data-chart-id="${SHARE}"]`);
    const text = svgText(await download(page, frame, "SVG"));
    expect(text).toContain(RECORDED);
    expect(text).toContain(LIKE_FOR_LIKE);
    if (answer.sentence) expect(text).toContain(answer.sentence);
    expect(text.replace(/\s+/g, " ")).toContain(answerSourceLine(answer.sources, true));

    const [csvText, aboutText] = await downloadCsvWithAbout(page, frame);
    const csv = readCsvExport(csvText);
    // The concentration sentence travels in the about file beside the CSV, never as a "#" line in it.
    expect(csv.comments).toEqual([]);
    if (answer.sentence) expect(aboutText).toContain(answer.sentence);
    const header = csv.header;
    const rows = csv.rows.filter((r) => r.length > 1);
    const col = header!.indexOf(LIKE_FOR_LIKE);
    expect(col).toBeGreaterThan(0);
    const csvValues = rows.map((r) => (r[col] === "" ? "null" : String(Number(r[col])))).sort();
    expect(csvValues).toEqual(answer.rows.map((r) => String(r.adjusted?.value ?? null)).sort());
    expect(consoleErrors).toEqual([]);
  });
});

describe("the same charts without one council", () => {
  it("is a permalink that redraws the charts with the council left out, undone from its chip", async () => {
    const all = await compare({ metric: "share_36_months", groupBy: ["model"], adjust: ["service", "source"] });
    const council = all.concentration.find((c) => c.dimension === "council" && c.value !== null)!;
    const without = await compare({
      metric: "share_36_months",
      groupBy: ["model"],
      filters: { excludeCouncils: [council.value] },
    });
    const n = (a: Answer) => a.rows.reduce((s, r) => s + r.n, 0);
    expect(n(without)).toBeLessThan(n(all));

    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/`);
    const frame = page.locator(`figure[data-chart-id="${SHARE}"]`);
    const nLine = frame.locator(".chart-frame__n");
    await expect.poll(() => nLine.textContent()).toContain(n(all).toLocaleString("en-GB"));

    // The page offers "Show without …" only for a contributor above half the rows; the URL is the same control.
    const offer = frame.getByRole("button", { name: `Show without ${council.label}` });
    if (council.share > 0.5) await offer.click();
    else await page.goto(`${baseUrl}/?excludeCouncils=${council.value}`);
    await expect.poll(() => new URL(page.url()).searchParams.getAll("excludeCouncils")).toEqual([council.value]);
    await expect.poll(() => nLine.textContent()).toContain(n(without).toLocaleString("en-GB"));
    await expect(frame.locator(".chart-frame__filters").textContent()).resolves.toContain(`without ${council.label}`);
    await page.screenshot({ path: join(ARTIFACTS, "overview-without-council.png"), fullPage: true });

    await page.getByRole("button", { name: `Show ${council.label} again` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has("excludeCouncils")).toBe(false);
    await expect.poll(() => nLine.textContent()).toContain(n(all).toLocaleString("en-GB"));
    expect(consoleErrors).toEqual([]);
  });
});
