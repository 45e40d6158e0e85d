/**
 * Exports in a real browser: for four chart types on the Overview, every export is clicked and
 * its download captured — PNG pixel sizes per preset (read from the IHDR chunk), the SVG's
 * title, source, licence and watermark as text, the CSV's numbers against the API's for the
 * same selection — and the permalink, the frozen permalink and the embed are opened fresh.
 * Files land in e2e/artifacts/exports/ to be looked at.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readCsvExport } from "@lens/core";
import type { Download, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage } from "./browser.js";

const baseUrl = inject("baseUrl");
const OUT = join(ARTIFACTS, "exports");
const STATE = "?from=2016&to=2024";
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

interface ApiRow {
  dims: Record<string, string | number | null>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  suppressed: boolean;
  ciLow?: number | null;
}

async function api<T>(procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok, `${procedure} ${res.status}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The text of every <text> element, entities decoded. */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!.replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))))
    .join("\n");
}

/** The downloaded CSV as header + rows, read with @lens/core's one CSV reader (blank lines skipped). */
function parseCsv(text: string): { comments: string[]; header: string[]; rows: string[][] } {
  const { comments, header, rows } = readCsvExport(text);
  return { comments, header, rows: rows.filter((line) => line.length > 1 || line[0] !== "") };
}

async function captureDownload(page: Page, click: () => Promise<void>): Promise<{ download: Download; path: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(OUT, download.suggestedFilename());
  await download.saveAs(path);
  return { download, path };
}

async function openExport(frame: Locator): Promise<void> {
  const toggle = frame.getByRole("button", { name: "Export", exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

function close(a: number | null | undefined, b: number | null | undefined): void {
  if (a === null || a === undefined) expect(b ?? null).toBeNull();
  else expect(Math.abs(a - (b ?? Number.NaN))).toBeLessThan(1e-9);
}

const CHARTS = [
  {
    id: "share-36-months-by-model",
    kind: "bar",
    input: { metric: "share_36_months", groupBy: ["model"] },
  },
  { id: "procedure-mix-by-model", kind: "stacked-bar", input: { metric: "procedure_mix", groupBy: ["model"] } },
  {
    id: "homes-good-outstanding-by-sector",
    kind: "line",
    input: { metric: "homes_good_outstanding", groupBy: ["year", "sector"] },
  },
  { id: "contract-length-by-model", kind: "box", input: null },
] as const;

describe("chart exports", () => {
  let page: Page;
  let consoleErrors: string[];
  const svgs = new Map<string, string>();

  beforeAll(async () => {
    ({ page, consoleErrors } = await openPage(browser.context, `${baseUrl}/${STATE}`));
    await page.locator("figure[data-chart-id]").first().waitFor();
  }, 60_000);

  for (const chart of CHARTS)
    it(`exports the ${chart.kind} chart as PNG (three sizes), SVG and CSV`, async () => {
      const frame = page.locator(`figure[data-chart-id="${chart.id}"]`);
      await frame.waitFor();
      const title = (await frame.getByRole("heading", { level: 2 }).textContent())!.trim();
      await openExport(frame);

      for (const [preset, expected] of [
        ["Standard", { width: 2400 }],
        ["Social", { width: 1200, height: 675 }],
        ["Square", { width: 1080, height: 1080 }],
      ] as const) {
        await frame.getByRole("radio", { name: new RegExp(`^${preset}`) }).check();
        const { download, path } = await captureDownload(page, () =>
          frame.getByRole("button", { name: "Download PNG" }).click(),
        );
        const suffix = preset === "Standard" ? "" : `-${preset.toLowerCase()}`;
        expect(download.suggestedFilename()).toBe(`lens-${chart.id}-2016-2024${suffix}.png`);
        const size = pngSize(await readFile(path));
        expect(size.width).toBe(expected.width);
        if ("height" in expected) expect(size.height).toBe(expected.height);
        else expect(size.height % 2).toBe(0); // 2× density of a whole-pixel frame
      }
      await frame.getByRole("radio", { name: /^Standard/ }).check();

      const svgFile = await captureDownload(page, () => frame.getByRole("button", { name: "Download SVG" }).click());
      expect(svgFile.download.suggestedFilename()).toBe(`lens-${chart.id}-2016-2024.svg`);
      const svg = await readFile(svgFile.path, "utf8");
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      const text = svgText(svg);
      expect(text.replace(/\n/g, " ")).toContain(title);
      expect(text).toMatch(/^Source: /m);
      expect(text).toMatch(/Licence: /);
      expect(text).toContain("Sample data — not real");
      expect(text).toContain("2016–2024");
      svgs.set(chart.id, svg);

      // The spreadsheet CSV is rows only (with a byte-order mark); what they are is in the about file beside it.
      // Written by the server's chart view (the path the API tests cover), not in the page.
      const files: Download[] = [];
      const onDownload = (d: Download) => void files.push(d);
      page.on("download", onDownload);
      const written = page.waitForResponse((r) => r.url().includes("/api/trpc/exportCsv?"));
      await frame.getByRole("button", { name: "Download CSV" }).click();
      const response = await written;
      expect(response.status()).toBe(200);
      expect(decodeURIComponent(response.url())).toContain('"view":"chart"');
      await expect.poll(() => files.length).toBe(2);
      page.off("download", onDownload);
      const saved = await Promise.all(
        files.map(async (d) => {
          const path = join(OUT, d.suggestedFilename());
          await d.saveAs(path);
          return { name: d.suggestedFilename(), bytes: await readFile(path) };
        }),
      );
      const csvFile = saved.find((f) => f.name.endsWith(".csv"))!;
      const aboutFile = saved.find((f) => f.name.endsWith(".about.txt"))!;
      expect(csvFile.name).toBe(`lens-${chart.id}-2016-2024.csv`);
      expect(aboutFile.name).toBe(`lens-${chart.id}-2016-2024.about.txt`);
      expect([...csvFile.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = parseCsv(csvFile.bytes.toString("utf8"));
      expect(csv.comments).toEqual([]);
      const about = aboutFile.bytes.toString("utf8");
      expect(about).toContain(`Title: ${title}`);
      expect(about).toMatch(/^Source: /m);
      expect(about).toMatch(/^Licence: /m);
      expect(about).toMatch(/^Permalink: http/m);
      expect(about).toContain("Sample data — not real");
      const col = (name: string) => csv.header.indexOf(name);
      expect(col("n")).toBeGreaterThan(0);
      expect(col("Suppressed")).toBeGreaterThan(0);

      const num = (v: string | undefined) => (v === undefined || v === "" ? null : Number(v));
      if (chart.input) {
        const data = await api<{ rows: ApiRow[]; groupBy: string[] }>("metrics.compare", {
          ...chart.input,
          filters: { from: 2016, to: 2024 },
        });
        expect(csv.rows.length).toBe(data.rows.length);
        const valueCol = data.groupBy.length; // the dimension labels come first
        const nums = csv.rows.map((r) => ({ value: num(r[valueCol]), n: num(r[col("n")]) }));
        // Same numbers, same multiset: every API row has its CSV row (labels differ from codes).
        const key = (v: { value: number | null; n: number | null }) => `${v.value}|${v.n}`;
        expect(nums.map(key).sort()).toEqual(
          data.rows.map((r) => key({ value: r.suppressed ? null : r.value, n: r.n })).sort(),
        );
        if (col("Numerator") > 0) {
          const apiNum = data.rows.map((r) => `${r.numerator}|${r.denominator}`).sort();
          const csvNum = csv.rows.map((r) => `${num(r[col("Numerator")])}|${num(r[col("Denominator")])}`).sort();
          expect(csvNum).toEqual(apiNum);
        }
      } else {
        const data = await api<{
          groups: { median: number | null; q1: number | null; q3: number | null; n: number }[];
        }>("metrics.distribution", {
          metric: "median_duration_months",
          groupBy: "model",
          filters: { from: 2016, to: 2024 },
        });
        const medians = csv.rows.map((r) => `${num(r[col("Median")])}|${num(r[col("n")])}`).sort();
        expect(medians).toEqual(data.groups.map((g) => `${g.median}|${g.n}`).sort());
        for (const g of data.groups) {
          const row = csv.rows.find((r) => num(r[col("n")]) === g.n)!;
          close(num(row[col("Lower quartile")]), g.q1);
          close(num(row[col("Upper quartile")]), g.q3);
        }
      }
    });

  it("shades the line chart's 95% confidence interval on screen and in the SVG, and says so once", async () => {
    const chart = CHARTS[2];
    const data = await api<{ rows: ApiRow[] }>("metrics.compare", {
      ...chart.input,
      filters: { from: 2016, to: 2024 },
    });
    expect(data.rows.some((r) => r.ciLow !== null)).toBe(true);
    const frame = page.locator(`figure[data-chart-id="${chart.id}"]`);
    await expect.poll(() => frame.locator(".ci-band path.recharts-area-area").count()).toBeGreaterThan(0);
    await expect(frame.getByRole("list", { name: "Legend" }).textContent()).resolves.toContain(
      "Shaded: 95% confidence interval",
    );
    const svg = svgs.get(chart.id)!;
    expect(svg.match(/class="recharts-layer recharts-area ci-band"/g)?.length ?? 0).toBeGreaterThan(0);
    expect(svg).toContain('class="legend-ci-band"');
    expect(svgText(svg)).toContain("Shaded: 95% confidence interval");
  });

  it("draws the box plot's outliers from the API and keeps legend and notes from repeating", async () => {
    const data = await api<{ groups: { outliers: number[]; suppressed: boolean }[] }>("metrics.distribution", {
      metric: "median_duration_months",
      groupBy: "model",
      filters: { from: 2016, to: 2024 },
    });
    const outliers = data.groups.filter((g) => !g.suppressed).reduce((a, g) => a + g.outliers.length, 0);
    const svg = svgs.get(CHARTS[3].id)!;
    const text = svgText(svg);
    // One ring per outlier on the scale (the page's own marks); extreme ones are counted at the top.
    const ringsInPlot = svg.match(/class="box-outlier"/g)?.length ?? 0;
    expect(ringsInPlot).toBeLessThanOrEqual(outliers);
    if (ringsInPlot < outliers) expect(svg).toContain('class="box-outliers-above"');
    if (outliers > 0) expect(text).toContain("Circles: values beyond the whiskers");
    expect(text).toContain("Box: middle half of values");
    expect(text).not.toMatch(/Boxes span the lower to upper quartile/);
    const frame = page.locator(`figure[data-chart-id="${CHARTS[3].id}"]`);
    const onScreen = async () => {
      const above = await frame.locator(".box-outliers-above text").allTextContents();
      return (await frame.locator("circle.box-outlier").count()) + above.reduce((a, t) => a + Number(t.slice(1)), 0);
    };
    await expect.poll(onScreen).toBe(outliers);
  });

  it("restores the chart from its permalink in a fresh page, and warns on a frozen link to an older build", async () => {
    const chart = CHARTS[0];
    const frame = page.locator(`figure[data-chart-id="${chart.id}"]`);
    await openExport(frame);
    await frame.getByRole("radio", { name: /^Social/ }).check();
    await frame.getByRole("button", { name: "Copy link" }).click();
    const link = await frame.getByRole("textbox", { name: "Link" }).inputValue();
    expect(new URL(link).searchParams.get("size")).toBe("social");
    expect(new URL(link).searchParams.get("from")).toBe("2016");

    const fresh = await openPage(browser.context, link);
    const again = fresh.page.locator(`figure[data-chart-id="${chart.id}"]`);
    await again.waitFor();
    await openExport(again);
    // The size travels with the link.
    await expect(again.getByRole("radio", { name: /^Social/ }).isChecked()).resolves.toBe(true);
    await again.getByRole("radio", { name: /^Standard/ }).check();
    const svgFile = await captureDownload(fresh.page, () =>
      again.getByRole("button", { name: "Download SVG" }).click(),
    );
    const strip = (s: string) =>
      s.replace(/Exported \d+ \w+ \d{4}/, "").replace(/<text[^>]*data-role="permalink"[^>]*>[^<]*<\/text>/g, "");
    expect(strip(await readFile(svgFile.path, "utf8"))).toBe(strip(svgs.get(chart.id)!));
    await expect(fresh.page.getByText("Newer data exists").count()).resolves.toBe(0);

    await again.getByRole("button", { name: "Copy frozen link (this data build)" }).click();
    // A frozen link is stored: /s/<id> keeps the numbers; the page it was made on pins the build.
    const short = await again.getByRole("textbox", { name: "Frozen link" }).inputValue();
    expect(new URL(short).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{10}$/);
    const stored = (await (await fetch(`${baseUrl}/api/v1/snapshots${new URL(short).pathname.slice(2)}`)).json()) as {
      page: string;
    };
    const frozen = new URL(stored.page, baseUrl).toString();
    const build = await api<{ buildId: string }>("meta.build", undefined);
    expect(new URL(frozen).searchParams.get("build")).toBe(build.buildId);
    const current = await openPage(browser.context, frozen);
    await current.page.locator(`figure[data-chart-id="${chart.id}"]`).waitFor();
    await expect(current.page.getByText("Newer data exists").count()).resolves.toBe(0);
    const old = new URL(frozen);
    old.searchParams.set("build", "an-older-build");
    const stale = await openPage(browser.context, old.toString());
    await stale.page.getByText("Newer data exists").waitFor();
    await stale.page.locator(`figure[data-chart-id="${chart.id}"]`).waitFor();
    for (const p of [fresh, current, stale]) {
      expect(p.consoleErrors).toEqual([]);
      await p.page.close();
    }
  });

  it("works by keyboard alone: Enter opens, Tab walks the items, Escape returns to the button, Tab out closes", async () => {
    const frame = page.locator(`figure[data-chart-id="${CHARTS[0].id}"]`);
    const toggle = frame.getByRole("button", { name: "Export", exact: true });
    if ((await toggle.getAttribute("aria-expanded")) === "true") await toggle.click();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.keyboard.press("Tab"); // the checked size radio
    await page.keyboard.press("Tab");
    await expect.poll(focused).toBe("Download PNG");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Escape");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect.poll(focused).toBe("Export");
    await page.keyboard.press("Space");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    // Past the last item focus leaves the menu, which closes behind it (no trap, no stray panel).
    const inMenu = () => frame.locator(".export-menu").evaluate((el) => el.contains(document.activeElement));
    for (let i = 0; i < 15 && (await inMenu()); i++) await page.keyboard.press("Tab");
    await expect(inMenu()).resolves.toBe(false);
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
  });

  it("gives embed code whose chart-only route renders the same frame without navigation", async () => {
    const chart = CHARTS[2];
    const frame = page.locator(`figure[data-chart-id="${chart.id}"]`);
    await openExport(frame);
    await frame.getByRole("button", { name: "Copy embed code" }).click();
    const code = await frame.getByRole("textbox", { name: "Embed code" }).inputValue();
    expect(code).toMatch(
      /^<iframe src="[^"]+\/embed\/homes-good-outstanding-by-sector\?from=2016&#38;to=2024" title="/,
    );
    const src = code.match(/src="([^"]+)"/)![1]!.replace(/&#38;/g, "&");

    // The snippet itself, in a host page.
    const host = await browser.context.newPage();
    await host.setContent(`<!doctype html><h1>Host</h1>${code}`);
    const embedded = host.frameLocator("iframe");
    await embedded.locator(".embed__chart svg").waitFor();
    await host.screenshot({ path: join(OUT, "embed-in-host.png"), fullPage: true });
    await host.close();

    const embed = await openPage(browser.context, src);
    await embed.page.locator(".embed__chart svg").waitFor();
    await expect(embed.page.locator("nav").count()).resolves.toBe(0);
    // The embed is the page's chart between the export's header and credit lines, as HTML.
    const text = await embed.page.locator(".embed__chart").innerText();
    expect(text).toContain("Sample data — not real");
    expect(text).toMatch(/^Source: /m);
    // The embed exports too.
    await embed.page.getByRole("button", { name: "Export", exact: true }).click();
    const png = await captureDownload(embed.page, () =>
      embed.page.getByRole("button", { name: "Download PNG" }).click(),
    );
    expect(pngSize(await readFile(png.path)).width).toBe(2400);
    await embed.page.screenshot({ path: join(OUT, "embed-page.png") });

    // An Explore chart from URL state, at phone width.
    const explore = await openPage(
      browser.context,
      `${baseUrl}/embed/explore-contracts-by-model?metric=contracts&by=model&chart=bar&from=2016`,
    );
    await explore.page.setViewportSize({ width: 390, height: 700 });
    await explore.page.locator(".embed__chart svg").waitFor();
    await explore.page.screenshot({ path: join(OUT, "embed-explore-phone.png") });
    for (const p of [embed, explore]) {
      expect(p.consoleErrors).toEqual([]);
      await p.page.close();
    }
    expect(consoleErrors).toEqual([]);
  });

  it("writes a chart its page composes (the benchmark's custom group) on the server too, with its own words", async () => {
    const group = await openPage(browser.context, `${baseUrl}/benchmark/886?group=custom&with=845,846,850`);
    const frame = group.page.locator('figure[data-chart-id="benchmark-share_36_months-886-custom"]');
    await frame.waitFor();
    await openExport(frame);
    const files: Download[] = [];
    const onDownload = (d: Download) => void files.push(d);
    group.page.on("download", onDownload);
    const written = group.page.waitForResponse((r) => r.url().includes("/api/trpc/exportCsv?"));
    await frame.getByRole("button", { name: "Download CSV" }).click();
    expect(decodeURIComponent((await written).url())).toContain('"kind":"benchmark-group"');
    await expect.poll(() => files.length).toBe(2);
    const texts = await Promise.all(
      files.map(async (d) => {
        const path = join(OUT, d.suggestedFilename());
        await d.saveAs(path);
        return { name: d.suggestedFilename(), text: await readFile(path, "utf8") };
      }),
    );
    const csv = parseCsv(texts.find((f) => f.name.endsWith(".csv"))!.text);
    const about = texts.find((f) => f.name.endsWith(".about.txt"))!.text;
    // The council and its three chosen councils, as the page's table shows them.
    expect(csv.header[0]).toBe("Council");
    expect(csv.rows).toHaveLength(4);
    expect(csv.rows.map((r) => r[0])).toContain("Kent");
    await frame.getByRole("button", { name: "View as table" }).click();
    const onPage = await frame.locator("tbody tr th, tbody tr td:first-child").allTextContents();
    expect(onPage.map((t) => t.trim()).sort()).toEqual(csv.rows.map((r) => r[0]).sort());
    expect(about.replace(/^\uFEFF/, "")).toMatch(/^Title: .*Kent and /m);
    expect(about).toMatch(/^Note: Group median: the median of the \d+ other councils/m);
    expect(group.consoleErrors).toEqual([]);
    await group.page.close();
  });
});
