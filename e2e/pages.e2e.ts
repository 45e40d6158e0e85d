/**
 * Every page in a real Chromium against the real server on the sample warehouse: it loads,
 * its charts draw, no console errors, key numbers equal the API's, a filter round-trips
 * through the URL (reload and back), axe finds no serious or critical violations, and
 * screenshots at 1280 and 390 px go to e2e/artifacts/.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage, type Page, scrollThrough } from "./browser.js";
import { seriousAxeViolations, trpcGet } from "./page-checks.js";

const baseUrl = inject("baseUrl");
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const api = <T>(path: string, input?: unknown): Promise<T> => trpcGet<T>(baseUrl, path, input);

interface Row {
  dims: Record<string, string | number | null>;
  value: number | null;
  n: number;
}

const en = (n: number) => n.toLocaleString("en-GB");

async function waitForCharts(page: Page, count: number) {
  await expect
    .poll(
      async () => {
        await scrollThrough(page); // charts below the fold are drawn when scrolled near
        return page.locator(".chart-canvas svg.recharts-surface, .empty-chart").count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(count);
}

async function axe(page: Page, name: string) {
  expect(await seriousAxeViolations(page), `${name}: axe serious/critical violations`).toEqual([]);
}

async function screenshots(page: Page, name: string) {
  await scrollThrough(page);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: no horizontal scroll at 390 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const search = (page: Page) => new URL(page.url()).searchParams;

describe("pages", () => {
  it("Overview: headline numbers equal the API's; a region filter survives reload and back", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/`);
    await waitForCharts(page, 5);
    const all = await api<{ rows: Row[] }>("metrics.compare", { metric: "contracts", groupBy: ["model"] });
    const total = all.rows.reduce((a, r) => a + r.n, 0);
    await expect.poll(() => page.getByTestId("kpi-total").textContent()).toBe(en(total));
    const market = all.rows.find((r) => r.dims.model === "market-led")!;
    await expect(page.getByTestId("kpi-market-led").textContent()).resolves.toBe(en(market.n));
    // Takeaway and table come from the same numbers as the API.
    const share = await api<{ rows: Row[] }>("metrics.compare", { metric: "share_36_months", groupBy: ["model"] });
    const coop = share.rows.find((r) => r.dims.model === "cooperative")!;
    const pct = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(coop.value!);
    await expect(page.locator("[data-chart-id=share-36-months-by-model]").textContent()).resolves.toContain(pct);
    await axe(page, "overview");
    await screenshots(page, "overview");

    // Several regions at once: each tick is one history entry; the URL, a reload and back agree.
    const regionButton = page.getByRole("button", { name: /^Region/ });
    await regionButton.click();
    await page.getByRole("checkbox", { name: "London" }).check();
    await expect.poll(() => search(page).getAll("region")).toEqual(["London"]);
    await page.getByRole("checkbox", { name: "North West" }).check();
    // Kept in the vocabulary's order (North West before London), so equal views have equal URLs.
    await expect.poll(() => search(page).getAll("region")).toEqual(["North West", "London"]);
    await page.screenshot({ path: join(ARTIFACTS, "overview-multiselect-1280.png") });
    const two = await api<{ rows: Row[] }>("metrics.compare", {
      metric: "contracts",
      groupBy: ["model"],
      filters: { region: ["London", "North West"] },
    });
    const twoTotal = en(two.rows.reduce((a, r) => a + r.n, 0));
    await expect.poll(() => page.getByTestId("kpi-total").textContent()).toBe(twoTotal);
    await page.keyboard.press("Escape");
    await expect(regionButton.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect.poll(() => regionButton.textContent()).toBe("North West, London");
    await expect
      .poll(() => page.locator(".chart-frame__filters").first().textContent())
      .toContain("North West or London");
    await page.reload();
    await expect.poll(() => page.getByTestId("kpi-total").textContent()).toBe(twoTotal);
    await regionButton.click();
    await expect(page.getByRole("checkbox", { name: "London" }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: "North West" }).isChecked()).resolves.toBe(true);
    await page.goBack();
    await expect.poll(() => search(page).getAll("region")).toEqual(["London"]);
    await page.goBack();
    await expect.poll(() => search(page).get("region")).toBe(null);
    await expect.poll(() => page.getByTestId("kpi-total").textContent()).toBe(en(total));

    // Comma-separated values in a shared link read the same; councils are searchable.
    await page.goto(`${baseUrl}/?region=London,North%20West`);
    await expect.poll(() => page.getByTestId("kpi-total").textContent()).toBe(twoTotal);
    await page.getByRole("button", { name: /^Council/ }).click();
    await page.getByRole("searchbox", { name: "Search councils" }).fill("Camden");
    await page.getByRole("checkbox", { name: "Camden" }).check();
    await expect.poll(() => search(page).getAll("council")).toEqual(["202"]);
    expect(consoleErrors).toEqual([]);
  });

  it("Explore: the table equals the API; chart type and grouping live in the URL", async () => {
    const { page, consoleErrors } = await openPage(
      browser.context,
      `${baseUrl}/explore?metric=contracts&chart=bar&by=service`,
    );
    await waitForCharts(page, 1);
    const rows = (await api<{ rows: Row[] }>("metrics.compare", { metric: "contracts", groupBy: ["service"] })).rows;
    await page.getByRole("button", { name: "View as table" }).click();
    const fostering = rows.find((r) => r.dims.service === "fostering")!;
    await expect(page.getByRole("row", { name: /^Fostering/ }).textContent()).resolves.toContain(en(fostering.value!));
    await page.getByRole("button", { name: "View as chart" }).click();
    await axe(page, "explore");
    await screenshots(page, "explore");

    await page.getByLabel("Chart", { exact: true }).selectOption("line");
    await expect.poll(() => search(page).get("chart")).toBe("line");
    await waitForCharts(page, 1);
    await expect.poll(() => page.locator(".recharts-line").count()).toBeGreaterThan(1);
    await page.reload();
    await expect.poll(() => page.locator(".recharts-line").count()).toBeGreaterThan(1);
    await page.goBack();
    await expect.poll(() => search(page).get("chart")).toBe("bar");
    await waitForCharts(page, 1);

    // Box plot and scatter draw too.
    await page.goto(`${baseUrl}/explore?metric=median_duration_months&chart=box&by=model`);
    await waitForCharts(page, 1);
    await page.screenshot({ path: join(ARTIFACTS, "explore-box-1280.png"), fullPage: true });
    await page.goto(`${baseUrl}/explore?metric=share_36_months&chart=scatter&by=&x=median_annual_value`);
    await expect.poll(() => page.locator(".recharts-scatter-symbol").count(), { timeout: 15_000 }).toBeGreaterThan(50);
    await page.screenshot({ path: join(ARTIFACTS, "explore-scatter-1280.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it("Council benchmark: rank and values equal the API; the picker changes the council and back returns", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/benchmark/380`);
    await waitForCharts(page, 2);
    const result = await api<{ metrics: { metric: string; rank: number | null; rankOf: number }[] }>("benchmark", {
      council: "380",
      metrics: ["share_36_months"],
    });
    const m = result.metrics[0]!;
    if (m.rank !== null)
      await expect.poll(() => page.getByTestId("rank-line").textContent()).toContain(`of ${m.rankOf} councils`);
    await expect(page.getByTestId("ask-distance").textContent()).resolves.toContain("Bradford");
    await axe(page, "benchmark");
    await screenshots(page, "benchmark");

    await page.getByLabel("Search councils").fill("Leeds");
    await page.getByLabel(/^Council \(/).selectOption({ label: "Leeds" });
    await expect.poll(() => new URL(page.url()).pathname).toBe("/benchmark/383");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Leeds");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Leeds");
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/benchmark/380");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Bradford");
    expect(consoleErrors).toEqual([]);
  });

  it("Contracts: total and first row equal the API; search and sort round-trip", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/contracts`);
    const all = await api<{ total: number; rows: { title: string | null }[] }>("contracts.search", { pageSize: 25 });
    await expect.poll(() => page.getByTestId("contracts-total").textContent(), { timeout: 15_000 }).toBe(en(all.total));
    await expect(page.locator(".contracts-table tbody tr").first().textContent()).resolves.toContain(
      all.rows[0]!.title ?? "",
    );
    await axe(page, "contracts");
    await screenshots(page, "contracts");

    await page.getByLabel(/^Search titles/).fill("fostering");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => search(page).get("q")).toBe("fostering");
    const found = await api<{ total: number }>("contracts.search", { q: "fostering", pageSize: 25 });
    await expect.poll(() => page.getByTestId("contracts-total").textContent()).toBe(en(found.total));
    await page
      .locator("thead")
      .getByRole("button", { name: /^Value/ })
      .click();
    await expect.poll(() => search(page).get("sort")).toBe("value");
    await page.reload();
    await expect.poll(() => page.getByTestId("contracts-total").textContent()).toBe(en(found.total));
    await page.goBack();
    await expect.poll(() => search(page).get("sort")).toBe(null);
    await page.goBack();
    await expect.poll(() => page.getByTestId("contracts-total").textContent()).toBe(en(all.total));
    expect(consoleErrors).toEqual([]);
  });

  it("Provider quality: the providers table equals the API; a sector filter round-trips", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/quality`);
    await waitForCharts(page, 8);
    const rows = (await api<{ rows: Row[] }>("metrics.compare", { metric: "providers", groupBy: ["year", "sector"] }))
      .rows;
    const latest = rows
      .filter((r) => r.dims.sector === "Private" && r.value !== null)
      .sort((a, b) => Number(b.dims.year) - Number(a.dims.year))[0]!;
    const frame = page.locator("[data-chart-id=providers-by-sector]");
    await frame.getByRole("button", { name: "View as table" }).click();
    await expect(
      frame.getByRole("row", { name: new RegExp(`^${latest.dims.year} Private`) }).textContent(),
    ).resolves.toContain(en(latest.value!));
    await frame.getByRole("button", { name: "View as chart" }).click();
    await axe(page, "quality");
    await screenshots(page, "quality");

    await page.getByRole("button", { name: /^Provider sector/ }).click();
    await page.getByRole("checkbox", { name: "Voluntary" }).check();
    await expect.poll(() => search(page).get("sector")).toBe("Voluntary");
    await page.reload();
    await waitForCharts(page, 8);
    await expect(page.getByRole("button", { name: /^Provider sector/ }).textContent()).resolves.toBe("Voluntary");
    await page.goBack();
    await expect.poll(() => search(page).get("sector")).toBe(null);
    expect(consoleErrors).toEqual([]);
  });

  it("Sources & methods: sources, every metric, the rules and coverage from the API", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/sources`);
    await waitForCharts(page, 1);
    const rules = await api<unknown[]>("meta.rules");
    if (rules.length > 0)
      await expect
        .poll(() => page.getByRole("region", { name: "Classification rules (table)" }).locator("tbody tr").count())
        .toBe(rules.length);
    const registry = await api<{ metrics: { label: string }[] }>("meta.registry");
    for (const m of registry.metrics.slice(0, 5))
      await expect(page.getByText(m.label, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await axe(page, "sources");
    await screenshots(page, "sources");
    await page.getByRole("link", { name: "Caveats" }).click();
    await page.reload();
    await page.getByRole("heading", { name: "Caveats" }).waitFor({ state: "visible" });
    expect(consoleErrors).toEqual([]);
  });
});
