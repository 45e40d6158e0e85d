/**
 * `npm run bench:pages`: each page of the dashboard in a real Chromium, from a cold browser
 * cache, against the server as `npm start` runs it (the sample warehouse unless LENS_WAREHOUSE
 * is set). Per page: time from navigation to the first chart drawn (median of the runs), the
 * JavaScript transferred (compressed bytes on the wire) and the number of API requests.
 * Writes the "Pages" section of docs/benchmarks.md. Not part of `npm test`.
 *
 * The server is warmed once (one visit to every page) so the figures are for a running server,
 * not its cold start; each measured visit uses a fresh browser context, so nothing is cached
 * on the client.
 *
 * "First chart" is read on the page's own clock: a MutationObserver notes when the first chart's
 * <svg> (or first table row) enters the page, and the time is taken after the next frame, when it
 * is on screen. Polling from the test runner instead (a locator, then an evaluate) adds the
 * runner's polling interval and waits behind the drawing of every later chart on the main thread.
 */
import { join, resolve } from "node:path";
import { defineCli, flag, parseCliOrExit, valueOption, wholeNumber } from "@lens/core/cli";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../e2e/browser.js";
import { machineFacts, ms, ROOT, summarise, writeSection } from "./common.js";
import { startServer } from "./lens-server.js";

const CLI = defineCli({
  command: "bench:pages",
  synopsis: "npm run bench:pages -- [--runs N] [options]",
  options: {
    runs: valueOption({
      placeholder: "N",
      expects: "a whole number from 1 to 50",
      description: "measured visits per page (default 5)",
      parse: wholeNumber(1, 50),
      default: 5,
    }),
    "no-write": flag("print the figures without updating docs/benchmarks.md"),
  },
});

const PAGES: ReadonlyArray<readonly [string, string]> = [
  ["Overview", "/"],
  ["Explore", "/explore"],
  ["Council benchmark", "/benchmark/886"],
  ["Contracts", "/contracts"],
  ["Provider quality", "/quality"],
  ["Sources & methods", "/sources"],
  ["Embed", "/embed/homes-good-outstanding-by-sector"],
];
/** What counts as "a chart": a drawn recharts surface, or a table where a page has no chart. */
const FIRST_CONTENT = ".chart-canvas svg.recharts-surface, .embed__chart svg, table tbody tr";

interface Visit {
  firstChartMs: number;
  jsBytes: number;
  apiRequests: number;
  /** Script bytes and API requests finished by the time the first chart was drawn (the critical path). */
  jsBeforeFirst: number;
  apiBeforeFirst: number;
}

const args = parseCliOrExit(CLI);
const warehouse = resolve(process.env.LENS_WAREHOUSE ?? join(ROOT, "data/warehouse/lens.duckdb"));
const server = await startServer(warehouse, false);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});

/** Runs in the page before its scripts: records when the first chart is on screen (after the frame that shows it). */
function markFirstContent(selector: string): void {
  const w = window as { __lensFirstChart?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    // A frame, then a task: the frame that paints the chart has run.
    requestAnimationFrame(() =>
      setTimeout(() => {
        w.__lensFirstChart = performance.now();
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let jsBytes = 0;
  let apiRequests = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) apiRequests++;
  });
  page.on("requestfinished", async (request) => {
    if (request.resourceType() !== "script") return;
    const sizes = await request.sizes().catch(() => null);
    // Bytes on the wire: the compressed body plus headers, as the network panel shows it.
    if (sizes) jsBytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await context.addInitScript(markFirstContent, FIRST_CONTENT);
  await page.goto(`${server.base}${path}`, { waitUntil: "commit" });
  await page.waitForFunction(
    () => typeof (window as { __lensFirstChart?: number }).__lensFirstChart === "number",
    null,
    {
      timeout: 30_000,
    },
  );
  // Navigation start to the first frame showing the chart, on the page's own clock.
  const firstChartMs = await page.evaluate(() => (window as { __lensFirstChart?: number }).__lensFirstChart ?? NaN);
  const jsBeforeFirst = jsBytes;
  const apiBeforeFirst = apiRequests;
  await page.waitForLoadState("networkidle");
  await context.close();
  return { firstChartMs, jsBytes, apiRequests, jsBeforeFirst, apiBeforeFirst };
}

const rows: string[][] = [];
try {
  for (const [, path] of PAGES) await visit(path); // warm the server, not the browser
  for (const [name, path] of PAGES) {
    const visits: Visit[] = [];
    for (let i = 0; i < args.runs; i++) visits.push(await visit(path));
    const first = summarise(visits.map((v) => v.firstChartMs));
    const js = Math.max(...visits.map((v) => v.jsBytes));
    const api = Math.max(...visits.map((v) => v.apiRequests));
    const jsFirst = Math.max(...visits.map((v) => v.jsBeforeFirst));
    const apiFirst = Math.max(...visits.map((v) => v.apiBeforeFirst));
    rows.push([
      name,
      `\`${path}\``,
      ms(first.p50),
      ms(first.p95),
      (jsFirst / 1024).toFixed(0),
      (js / 1024).toFixed(0),
      String(apiFirst),
      String(api),
    ]);
    console.log(
      `${name}: first chart p50 ${ms(first.p50)} ms, JS ${(js / 1024).toFixed(0)} kB (${(jsFirst / 1024).toFixed(0)} kB by the first chart), ${api} API requests (${apiFirst} before the first chart)`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

const table = [
  "| page | address | first chart p50 ms | p95 ms | JS by first chart kB | JS transferred kB | API requests by first chart | API requests |",
  "| ---- | ------- | -----------------: | -----: | -------------------: | ----------------: | --------------------------: | -----------: |",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
].join("\n");
const body = `\`npm run bench:pages\` (bench/page-bench.ts): each page in Debian's Chromium (headless), a fresh browser context per visit (cold client cache), ${args.runs} visits per page after one warm-up visit of every page, against the server as \`npm start\` runs it. First chart = navigation start to the first frame showing the first chart (or the first table row on a page without one), on the page's own clock (a MutationObserver, then the next frame); JS = compressed script bytes on the wire; API requests = requests to /api/… until the network is idle.

${machineFacts()}

Warehouse: ${warehouse.endsWith("lens.duckdb") ? "the generated sample" : "`LENS_WAREHOUSE`"}.

${table}`;
console.log(`\n${table}`);
if (!args["no-write"]) await writeSection("Pages", body);
