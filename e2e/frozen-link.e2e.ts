/**
 * Citable links in a real browser, across a rebuild: a frozen link made on the Overview
 * stores the chart's rows; after the warehouse is replaced by a build with other numbers, the
 * link still shows the old numbers and says which build they are from. Runs its own server
 * (on a free port) on a copy of the e2e warehouse, so the rebuild touches no other test. The /s/<id> page is also checked for its link-preview meta tags.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFile, mkdtemp, rename, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openWarehouse } from "@lens/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchBrowser, openPage } from "./browser.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let base = "";
const CHART = "share-36-months-by-model";

let dir: string;
let server: ChildProcess;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

async function buildId(): Promise<string> {
  return ((await (await fetch(`${base}/api/v1`)).json()) as { build: { id: string } }).build.id;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dir = await mkdtemp(join(tmpdir(), "lens-frozen-e2e-"));
  await copyFile(join(root, "data/warehouse/lens.duckdb"), join(dir, "lens.duckdb"));
  server = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "apps/api/src/main.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LENS_WAREHOUSE: join(dir, "lens.duckdb") },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the frozen-link server did not start within 90 s");
    await new Promise((r) => setTimeout(r, 300));
  }
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

/** The rebuild: a copy of the warehouse with half the market-led contracts gone and a new build date, renamed into place. */
async function rebuildWithOtherNumbers(): Promise<void> {
  const next = join(dir, "next.duckdb");
  await copyFile(join(dir, "lens.duckdb"), next);
  const db = await openWarehouse(next, { readOnly: false });
  const c = await db.connect();
  await c.run("DELETE FROM contracts WHERE commissioning_model = 'market-led' AND hash(contract_id) % 2 = 0");
  await c.run("UPDATE build_info SET value = '2030-01-01T00:00:00.000Z' WHERE key = 'built_at'");
  c.closeSync();
  db.close();
  await rename(next, join(dir, "lens.duckdb"));
}

const cells = (page: import("playwright-core").Page) =>
  page
    .locator("table.data-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((cell) => cell.textContent ?? "")));

describe("a frozen link across a rebuild", () => {
  it("shows the numbers it cited, and the build they came from, after the warehouse is rebuilt", async () => {
    const before = await buildId();
    const made = await openPage(browser.context, `${base}/?from=2016&to=2024`);
    const frame = made.page.locator(`figure[data-chart-id="${CHART}"]`);
    await frame.waitFor();
    await frame.getByRole("button", { name: "Export", exact: true }).click();
    await frame.getByRole("button", { name: "Copy frozen link (this data build)" }).click();
    const link = await frame.getByRole("textbox", { name: "Frozen link" }).inputValue();
    expect(new URL(link).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{10}$/);

    const first = await openPage(browser.context, link);
    await first.page.getByTestId("snapshot-notice").waitFor();
    const cited = await cells(first.page);
    expect(cited.length).toBeGreaterThan(1);
    // Written as the chart's table view writes them (shares as percentages), not raw fractions.
    expect(cited.flat().join(" ")).toMatch(/\d%/);
    await expect(first.page.getByTestId("snapshot-notice").textContent()).resolves.toContain(before);

    // The current data differs after the rebuild: the same chart from the API counts fewer market-led contracts.
    const api = `${base}/api/v1/metrics/share_36_months?groupBy=model&from=2016&to=2024`;
    const marketLed = async () =>
      ((await (await fetch(api)).json()) as { rows: { model: string; n: number }[] }).rows.find(
        (r) => r.model === "market-led",
      )?.n ?? 0;
    const nBefore = await marketLed();
    await rebuildWithOtherNumbers();
    await expect.poll(buildId, { timeout: 20_000 }).not.toBe(before);
    expect(await marketLed()).toBeLessThan(nBefore);

    const after = await openPage(browser.context, link);
    const notice = after.page.getByTestId("snapshot-notice");
    await notice.waitFor();
    expect(await cells(after.page)).toEqual(cited);
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain(`These numbers are from build ${before}`);
    expect(text).toContain("The current data may differ");
    await after.page.screenshot({ path: join(ARTIFACTS, "frozen-link-after-rebuild.png"), fullPage: true });
    await after.page.getByRole("link", { name: "see current" }).click();
    await after.page.locator(`figure[data-chart-id="${CHART}"]`).waitFor();

    // Link previews read the page's HTML before any script runs.
    const html = await (await fetch(link)).text();
    expect(html).toMatch(/<title>[^<]+ — Commissioning Lens<\/title>/);
    expect(html).not.toContain("<title>Commissioning Lens</title>");
    expect(html).toMatch(/<meta property="og:description" content="[^"]*data build of/);
    for (const p of [made, first, after]) {
      expect(p.consoleErrors).toEqual([]);
      await p.page.close();
    }
  }, 120_000);
});
