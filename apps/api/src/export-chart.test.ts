/**
 * exportCsv's chart view: the file behind each kind of dashboard chart is the spec's own table
 * (as the page's table view shows it), its numbers are the data API's, its about lines carry
 * the words that travel with the chart, and bad input is a 400 with a message.
 */
import { aboutLines, chartCsv } from "@lens/charts/chart-files";
import { type ChartRecipe, exploreRecipe, OVERVIEW_CHARTS, QUALITY_CHARTS } from "@lens/charts/chart-recipes";
import { EVIDENCE_RECIPES } from "@lens/charts/claims";
import { withPageHighlight } from "@lens/charts/highlight";
import { recipeInputs } from "@lens/charts/recipe-inputs";
import { specFromAnswers } from "@lens/charts/recipe-spec";
import { BOM, type Filters, readCsvExport } from "@lens/core";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCache } from "./query-cache.js";
import { openFixture, startServer } from "./test/fixture.js";

let fx: Awaited<ReturnType<typeof openFixture>>;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  fx = await openFixture();
  server = await startServer(fx.warehouse, new QueryCache());
});
afterAll(async () => {
  await server.close();
  fx.close();
});

const scatter = EVIDENCE_RECIPES.find((r) => r.chart === "scatter")!;
const ranked = exploreRecipe({ metric: "share_36_months", chart: "bar", by: "council", by2: null, x: "sme_share" });
const CASES: { name: string; recipe: ChartRecipe; filters: Filters; highlight?: string }[] = [
  { name: "box (Overview)", recipe: OVERVIEW_CHARTS.value, filters: { from: 2016, to: 2024 } },
  { name: "bar (Overview)", recipe: OVERVIEW_CHARTS.share, filters: {} },
  { name: "stacked bar (Overview)", recipe: OVERVIEW_CHARTS.mix, filters: { region: ["London", "South East"] } },
  { name: "line (Quality)", recipe: QUALITY_CHARTS[3]!, filters: {} },
  { name: "scatter (evidence brief)", recipe: scatter, filters: {} },
  { name: "ranked councils, highlighted (Explore)", recipe: ranked, filters: { from: 2017 }, highlight: "886" },
];

/** The spec built here from the procedures' answers, as the page's hook builds it. */
async function pageSpec(recipe: ChartRecipe, filters: Filters, highlight?: string) {
  const inputs = recipeInputs(recipe, filters);
  const info = fx.warehouse.info;
  const spec = specFromAnswers(
    recipe,
    filters,
    {
      compare: inputs.compare ? await fx.caller.metrics.compare(inputs.compare) : undefined,
      distribution: inputs.distribution ? await fx.caller.metrics.distribution(inputs.distribution) : undefined,
      scatter: inputs.scatter ? await fx.caller.metrics.scatter(inputs.scatter) : undefined,
    },
    { isSample: info.isSample, builtAt: info.builtAt },
  );
  return withPageHighlight(spec!, highlight ?? null);
}

describe.each(CASES)("chart view: $name", ({ recipe, filters, highlight }) => {
  it("writes the spec's own table, with the chart's words in the about lines", async () => {
    const permalink = "https://lens.example/explore?from=2016";
    const out = await fx.caller.exportCsv({ view: "chart", recipe, filters, highlight, permalink, layout: "plain" });
    const spec = await pageSpec(recipe, filters, highlight);
    expect(out.csv).toBe(chartCsv(spec));
    expect(out.rows).toBe(spec.table.rows.length);
    expect(out.rows).toBeGreaterThan(0);
    const { header, rows } = readCsvExport(out.csv);
    expect(header).toEqual(spec.table.columns.map((c) => c.label));
    expect(rows).toHaveLength(spec.table.rows.length);
    // The about lines are the page's, except the moment of export.
    const expected = aboutLines(spec, { permalink, exportedAt: new Date(0), buildId: fx.warehouse.info.buildId });
    const stamp = (lines: readonly string[]) => lines.filter((l) => !l.startsWith("Exported: "));
    expect(stamp(out.about)).toEqual(stamp(expected));
    expect(out.about).toContain(`Permalink: ${permalink}`);
    expect(out.about).toContain(`Build: ${fx.warehouse.info.buildId}`);
    expect(out.about.some((l) => l.startsWith("Source: "))).toBe(true);
    if (highlight) expect(out.about.some((l) => l.startsWith("Note: ") && l.includes("is highlighted"))).toBe(true);
  });
});

describe("chart view against the data API", () => {
  it("holds the data API's numbers for a bar chart by model", async () => {
    const recipe = OVERVIEW_CHARTS.share;
    const out = await fx.caller.exportCsv({ view: "chart", recipe, filters: { from: 2017 }, layout: "plain" });
    const { header, rows } = readCsvExport(out.csv);
    const col = (label: string) => header.indexOf(label);
    // The group's column, then the measure's own value as recorded (the like-for-like estimate follows).
    expect(header[1]).toMatch(/\(as recorded\)$/);
    const res = await fetch(`${server.base}/api/v1/metrics/${recipe.metric}?groupBy=model&from=2017`);
    const api = (await res.json()) as { rows: { value: number | null; n: number; numerator: number | null }[] };
    const fromApi = api.rows.map((r) => `${r.value ?? ""}|${r.numerator ?? ""}|${r.n}`).sort();
    const fromCsv = rows.map((r) => `${r[1]}|${r[col("Numerator")]}|${r[col("n")]}`).sort();
    expect(fromCsv).toEqual(fromApi);
  });

  it("starts the spreadsheet layout with a byte-order mark and puts the about lines first in the comments layout", async () => {
    const base = { view: "chart", recipe: OVERVIEW_CHARTS.share, filters: {} } as const;
    const sheet = await fx.caller.exportCsv({ ...base, layout: "spreadsheet" });
    expect(sheet.csv.startsWith(BOM)).toBe(true);
    const plain = await fx.caller.exportCsv({ ...base, layout: "plain" });
    expect(plain.csv.startsWith(BOM)).toBe(false);
    expect(sheet.csv.slice(BOM.length)).toBe(plain.csv);
    const comments = await fx.caller.exportCsv({ ...base, layout: "comments" });
    const read = readCsvExport(comments.csv);
    expect(read.comments[0]).toMatch(/^# Title: /);
    expect(read.header).toEqual(readCsvExport(plain.csv).header);
  });
});

describe("chart view: bad input is a 400 naming the field", () => {
  const recipe = OVERVIEW_CHARTS.share;
  it.each([
    ["an unknown metric", { recipe: { ...recipe, metric: "nope" } }, /metric/i],
    ["a scatter without x", { recipe: { ...scatter, x: undefined } }, /x metric/],
    ["a grouping the metric lacks", { recipe: { ...recipe, groupBy: ["provider_ownership"] } }, /provider_ownership/],
    ["an unknown chart kind", { recipe: { ...recipe, chart: "pie" } }, /chart kind/],
    ["an over-long title", { recipe: { ...recipe, title: "x".repeat(301) } }, /300 characters/],
    ["a bad council code", { highlight: "88" }, /council code/],
    ["a javascript: permalink", { permalink: "javascript:alert(1)" }, /http/],
  ])("%s", async (_what, patch, message) => {
    const input = { view: "chart", recipe, filters: {}, ...patch };
    const error = await fx.caller.exportCsv(input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as Error).message).toMatch(message);
  });
});
