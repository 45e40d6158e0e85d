/**
 * A page's first charts are asked for as soon as its chunk is in (apps/web/src/lib/route-prefetch.ts),
 * with the inputs its hooks then use: the page must find those answers and ask nothing twice.
 * Every tRPC call a page makes is decoded from the batched URLs; each procedure + input appears
 * once, and the first batch carries the first charts' queries and nothing else.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** "metrics.compare,metrics.distribution?batch=1&input={"0":…,"1":…}" → one "path input" string per call. */
function callsOf(url: string): string[] {
  const u = new URL(url);
  const paths = decodeURIComponent(u.pathname.replace(/^\/api\/trpc\//, "")).split(",");
  const inputs = JSON.parse(u.searchParams.get("input") ?? "{}") as Record<string, unknown>;
  return paths.map((p, i) => `${p} ${JSON.stringify(inputs[String(i)] ?? null)}`);
}

/** Each page and the metrics of the charts at its top: its first metric batch asks for these and nothing else. */
const PAGES: ReadonlyArray<{ path: string; firstMetrics: readonly string[]; moreCharts: boolean }> = [
  { path: "/", firstMetrics: ["median_annual_value"], moreCharts: true },
  { path: "/explore", firstMetrics: ["share_36_months"], moreCharts: false },
  { path: "/quality", firstMetrics: ["providers", "places"], moreCharts: true },
  { path: "/embed/homes-good-outstanding-by-sector", firstMetrics: ["homes_good_outstanding"], moreCharts: false },
];

describe("first queries", () => {
  for (const { path, firstMetrics, moreCharts } of PAGES)
    it(`${path}: the first charts' queries go first, alone, and no call is made twice`, async () => {
      const page = await browser.context.newPage();
      const consoleErrors: string[] = [];
      page.on("console", (msg) => msg.type() === "error" && consoleErrors.push(msg.text()));
      page.on("pageerror", (error) => consoleErrors.push(error.message));
      const batches: string[][] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.startsWith("/api/trpc/")) batches.push(callsOf(request.url()));
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: "commit" });
      await page.locator(".chart-canvas svg.recharts-surface, .embed__chart svg").first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState("networkidle");
      const calls = batches.flat();
      const metricBatches = batches.filter((b) => b.some((c) => c.startsWith("metrics.")));
      const first = metricBatches[0] ?? [];
      const metricOf = (call: string) => /"metric":"([a-z0-9_]+)"/.exec(call)?.[1];
      expect(new Set(first.map(metricOf)), `first metric batch: ${first.join(" | ")}`).toEqual(new Set(firstMetrics));
      // The rest of the page's queries follow in later batches.
      if (moreCharts) expect(metricBatches.length, "metric batches").toBeGreaterThan(1);
      const repeated = calls.filter((c, i) => calls.indexOf(c) !== i);
      expect(repeated, `calls made twice on ${path}`).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
});
