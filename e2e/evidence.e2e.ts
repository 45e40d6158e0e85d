/**
 * The Evidence section in a real Chromium on the sample warehouse: /evidence lists the eight
 * claims with a one-line answer each; every claim page renders its finding and charts with no
 * console errors and no serious axe violations; every brief prints to a short A4 PDF whose text
 * holds the claim, a number (with its interval where the answer has one), the sources and the
 * permalink. PDFs go to e2e/artifacts/.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMS } from "@lens/charts/claims";
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

async function axe(page: Page, name: string) {
  expect(await seriousAxeViolations(page), `${name}: axe serious/critical violations`).toEqual([]);
}

/** pdftotext (poppler-utils) when installed; otherwise the page's own text under print media. */
function pdfText(file: string): string | null {
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } catch {
    return null;
  }
}

/** Pages of a PDF from Chromium: one "/Type /Page" object per page (not "/Pages"). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe("evidence", () => {
  it("/evidence lists the eight claims, each with a one-line answer", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/evidence`);
    await expect.poll(() => page.getByTestId("one-line-answer").count(), { timeout: 20_000 }).toBe(8);
    const items = page.locator(".evidence-list__item");
    await expect(items.count()).resolves.toBe(CLAIMS.length);
    for (const claim of CLAIMS) {
      const item = page.locator(`[data-claim="${claim.id}"]`);
      await expect(item.getByRole("link").textContent()).resolves.toContain(claim.title);
      const answer = (await item.getByTestId("one-line-answer").textContent()) ?? "";
      // A generated answer holds a number: a percentage, money, a count or a correlation.
      expect(answer, claim.id).toMatch(/\d/);
      await expect(item.locator(".evidence-strength").textContent()).resolves.toMatch(/^Strength of evidence: /);
    }
    // The headline of claim 2 is the API's like-for-like estimate, as the API returns it.
    const share = await api<{
      rows: { dims: { model: string }; adjusted: { value: number | null } | null }[];
    }>("metrics.compare", {
      metric: "share_36_months",
      groupBy: ["model"],
      filters: { model: ["market-led", "cooperative"] },
      adjust: ["service", "source"],
    });
    const pct = new Intl.NumberFormat("en-GB", {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const line = await page.locator('[data-claim="contract-length"]').getByTestId("one-line-answer").textContent();
    for (const r of share.rows) expect(line).toContain(pct.format(r.adjusted!.value!));
    await axe(page, "evidence");
    await page.screenshot({ path: join(ARTIFACTS, "evidence-1280.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  for (const claim of CLAIMS) {
    it(`/evidence/${claim.id} renders, passes axe and prints as a short A4 brief`, async () => {
      const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/evidence/${claim.id}`);
      await expect.poll(() => page.getByTestId("finding").count(), { timeout: 20_000 }).toBe(1);
      await expect
        .poll(
          async () => {
            await scrollThrough(page); // charts below the fold are drawn when scrolled near
            return page.locator(".chart-canvas svg.recharts-surface, .empty-chart").count();
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThanOrEqual(claim.charts.length);
      await expect(page.locator("h1").textContent()).resolves.toBe(claim.title);
      const button = page.getByRole("button", { name: "Download brief (PDF)" });
      await expect(button.getAttribute("title")).resolves.toMatch(/print dialog.*PDF/);
      await axe(page, claim.id);

      // Laid out at the A4 column's width first (186 mm = 703 px), so charts measure what the paper holds;
      // the brief redraws them at paper height when print media applies.
      await page.setViewportSize({ width: 703, height: 1017 });
      await page.waitForTimeout(400);
      await page.emulateMedia({ media: "print" });
      await page.waitForTimeout(600);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text under print media is the point (hidden nav and buttons drop out)
      const printed = squash(await page.locator("body").innerText());
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1280, height: 900 });
      const file = join(ARTIFACTS, `evidence-${claim.id}.pdf`);
      writeFileSync(file, pdf);
      expect(pdfPages(pdf), `${claim.id}: printed pages`).toBeGreaterThan(0);
      expect(pdfPages(pdf), `${claim.id}: printed pages`).toBeLessThanOrEqual(4);
      const text = squash(pdfText(file) ?? printed);
      expect(text).toContain(squash(claim.claim).slice(0, 60));
      expect(text).toContain("Paraphrased from the Declaration of Interdependence");
      expect(text).toMatch(/Strength of evidence: (weak|moderate|fair)/);
      if (claim.headline.kind === "compare") expect(text).toMatch(/\d+\.\d% \(95% interval \d+\.\d%–\d+\.\d%/);
      else if (claim.headline.kind === "relation") expect(text).toMatch(/r = −?-?\d\.\d\d/);
      else if (claim.headline.kind === "delivery")
        expect(text).toMatch(/at the median of \d+ councils whose children's services a trust or company ran/);
      else expect(text).toMatch(/(\d+\.\d%|£\d)/);
      expect(text).toContain("Source: ");
      expect(text).toContain(`Permalink: ${baseUrl}/evidence/${claim.id}`);
      expect(text).toContain("What this cannot tell you");
      // Navigation, filters and buttons are not part of the printed brief.
      expect(printed).not.toContain("Download brief (PDF)");
      expect(consoleErrors).toEqual([]);
    });
  }

  it("a council's own brief: the filter is in the URL and claim 2 gives its distance to the ask", async () => {
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/evidence/contract-length?council=926`);
    await expect.poll(() => page.getByTestId("council-ask").count(), { timeout: 20_000 }).toBe(1);
    await expect(page.locator("h1").textContent()).resolves.toBe("Norfolk: Contracts should run at least three years");
    await expect(page.getByTestId("council-ask").textContent()).resolves.toMatch(/^Norfolk's median contract runs/);
    await expect(page.getByTestId("finding").textContent()).resolves.toMatch(/\d/);
    // The claims list keeps the council in its links.
    await page.getByRole("link", { name: "← All eight claims" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("council")).toBe("926");
    await expect
      .poll(() => page.getByRole("link", { name: /Re-tendering churns services/ }).getAttribute("href"))
      .toBe("/evidence/retendering?council=926");
    expect(consoleErrors).toEqual([]);
  });
});
