/**
 * The Council benchmark's ILACS card in a real Chromium on the sample warehouse: the council's
 * judgement, its publication date and the neighbours' counts equal the API's; a council with
 * no inspection says so instead of showing a judgement.
 */
import { formatDate } from "@lens/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser.js";

const baseUrl = inject("baseUrl");
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

interface Ilacs {
  council: { status: string; rating: string | null; publicationDate: string | null };
  neighbours: { distribution: { counts: { rating: string; n: number }[] } };
  sources: string[];
}

async function ilacs(council: string): Promise<Ilacs> {
  const res = await fetch(`${baseUrl}/api/trpc/councilIlacs?input=${encodeURIComponent(JSON.stringify({ council }))}`);
  return ((await res.json()) as { result: { data: Ilacs } }).result.data;
}

describe("Council benchmark: ILACS card", () => {
  it("shows the judgement, publication date and neighbours' counts from the API, with the source line", async () => {
    const api = await ilacs("886");
    expect(api.sources).toEqual(["sample"]);
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/benchmark/886`);
    const summary = page.getByTestId("ilacs-summary");
    await expect.poll(() => summary.getAttribute("data-status"), { timeout: 15_000 }).toBe(api.council.status);
    const text = (await summary.textContent()) ?? "";
    expect(text).toMatch(/^Ofsted ILACS: /);
    if (api.council.rating) {
      expect(text).toContain(`${api.council.rating} (published ${formatDate(api.council.publicationDate)})`);
    }
    for (const c of api.neighbours.distribution.counts) if (c.n > 0) expect(text).toContain(`${c.n} ${c.rating}`);
    const card = page.getByTestId("ilacs-card");
    await expect(card.textContent()).resolves.toMatch(/Source: Commissioning Lens sample generator.*ILACS/);
    expect(consoleErrors).toEqual([]);
  });

  it("says 'not inspected' for a council with no inspection listed", async () => {
    expect((await ilacs("420")).council.status).toBe("not inspected");
    const { page, consoleErrors } = await openPage(browser.context, `${baseUrl}/benchmark/420`);
    const summary = page.getByTestId("ilacs-summary");
    await expect.poll(() => summary.getAttribute("data-status"), { timeout: 15_000 }).toBe("not inspected");
    await expect(summary.textContent()).resolves.toMatch(/^Ofsted ILACS: not inspected/);
    expect(consoleErrors).toEqual([]);
  });
});
