import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage } from "./browser.js";

const baseUrl = inject("baseUrl");
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("Overview", () => {
  it("shows the headline chart with the sample banner and numbers from the API", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await page.getByText("Sample data — not real.").first().waitFor({ state: "visible" });

    const api = await fetch(
      `${baseUrl}/api/trpc/metrics.compare?input=${encodeURIComponent(JSON.stringify({ metric: "contracts", groupBy: ["model"] }))}`,
    ).then(
      (r) =>
        r.json() as Promise<{
          result: { data: { rows: { dims: { model: string }; value: number }[]; sentence: string | null } };
        }>,
    );
    const marketLed = api.result.data.rows.find((r) => r.dims.model === "market-led")!;
    await expect(page.getByTestId("kpi-market-led").textContent()).resolves.toBe(
      marketLed.value.toLocaleString("en-GB"),
    );
    // The counts say who supplied them when one council or source supplies more than half.
    const sentence = api.result.data.sentence;
    if (sentence) await expect(page.getByTestId("kpi-concentration").textContent()).resolves.toBe(sentence);
    else await expect(page.getByTestId("kpi-concentration").count()).resolves.toBe(0);
    // The first chart's table (annual value) counts the contracts behind each median, as the distribution does.
    const dist = await fetch(
      `${baseUrl}/api/trpc/metrics.distribution?input=${encodeURIComponent(JSON.stringify({ metric: "median_annual_value", groupBy: "model" }))}`,
    ).then((r) => r.json() as Promise<{ result: { data: { groups: { key: string | null; n: number }[] } } }>);
    const behind = dist.result.data.groups.find((g) => g.key === "market-led")!;
    await page.getByRole("button", { name: "View as table" }).first().click();
    const cell = page.getByRole("row", { name: /Market-led/ }).first();
    await expect(cell.textContent()).resolves.toContain(behind.n.toLocaleString("en-GB"));

    await page.screenshot({ path: join(ARTIFACTS, "overview-desktop.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
