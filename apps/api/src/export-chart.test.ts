/**
 * exportCsv's chart view: the file behind each kind of dashboard chart is the spec's own table
 * (as the page's table view shows it), its numbers are the data API's, its about lines carry
 * the words that travel with the chart, and bad input is a 400 with a message.
 */
import { benchmarkCharts, benchmarkInputFor, buildGroupSpec, groupChartInput } from "@lens/charts/benchmark-charts";
import { aboutLines, chartCsv } from "@lens/charts/chart-files";
import {
  type ChartRecipe,
  exploreRecipe,
  JOINERS_LEAVERS,
  OVERVIEW_CHARTS,
  QUALITY_CHARTS,
  SOURCES_CHARTS,
} from "@lens/charts/chart-recipes";
import type { ChartRequest } from "@lens/charts/chart-request";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { EVIDENCE_RECIPES } from "@lens/charts/claims";
import { withPageHighlight } from "@lens/charts/highlight";
import { recipeInputs } from "@lens/charts/recipe-inputs";
import { joinersLeaversSpec, specFromAnswers } from "@lens/charts/recipe-spec";
import { BOM, type Filters, readCsvExport } from "@lens/core";
import { TRPCError } from "@trpc/server";
import { strFromU8, unzipSync } from "fflate";
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
const recipe = (r: ChartRecipe, filters: Filters = {}): ChartRequest => ({ kind: "recipe", recipe: r, filters });
const CASES: { name: string; chart: ChartRequest; highlight?: string }[] = [
  { name: "box (Overview)", chart: recipe(OVERVIEW_CHARTS.value, { from: 2016, to: 2024 }) },
  { name: "bar (Overview)", chart: recipe(OVERVIEW_CHARTS.share) },
  { name: "stacked bar (Overview)", chart: recipe(OVERVIEW_CHARTS.mix, { region: ["London", "South East"] }) },
  { name: "line (Quality)", chart: recipe(QUALITY_CHARTS[3]!) },
  { name: "scatter (evidence brief)", chart: recipe(scatter) },
  { name: "ranked councils, highlighted (Explore)", chart: recipe(ranked, { from: 2017 }), highlight: "886" },
  { name: "by source (Sources)", chart: recipe(SOURCES_CHARTS[0]!) },
  { name: "joiners and leavers merged (Quality)", chart: { kind: "joiners-leavers", filters: {} } },
  {
    name: "statistical neighbours (Benchmark)",
    chart: { kind: "benchmark", part: "neighbours", council: "886", metric: "share_36_months", filters: {} },
  },
  {
    name: "trend beside England (Benchmark)",
    chart: { kind: "benchmark", part: "trend", council: "886", metric: "share_36_months", filters: {} },
  },
  {
    name: "a custom group (Benchmark)",
    chart: {
      kind: "benchmark-group",
      council: "886",
      metric: "share_36_months",
      group: { kind: "custom", custom: ["845", "846", "850"] },
      filters: { from: 2016 },
    },
  },
];

/** The spec built here from the procedures' answers, as the page builds it. */
async function pageSpec(chart: ChartRequest, highlight?: string): Promise<ChartSpec> {
  const info = fx.warehouse.info;
  const build = { isSample: info.isSample, builtAt: info.builtAt };
  const fromRecipe = async (r: ChartRecipe, filters: Filters) => {
    const inputs = recipeInputs(r, filters);
    return specFromAnswers(
      r,
      filters,
      {
        compare: inputs.compare ? await fx.caller.metrics.compare(inputs.compare) : undefined,
        distribution: inputs.distribution ? await fx.caller.metrics.distribution(inputs.distribution) : undefined,
        scatter: inputs.scatter ? await fx.caller.metrics.scatter(inputs.scatter) : undefined,
      },
      build,
    )!;
  };
  const spec = await (async () => {
    switch (chart.kind) {
      case "recipe":
        return fromRecipe(chart.recipe, chart.filters);
      case "joiners-leavers":
        return joinersLeaversSpec(
          await Promise.all(JOINERS_LEAVERS.parts.map((p) => fromRecipe(p.recipe, chart.filters))),
        );
      case "benchmark": {
        const result = await fx.caller.benchmark(benchmarkInputFor(chart.council, chart.metric, chart.filters));
        const charts = benchmarkCharts(result, chart.metric, chart.filters, build)!;
        return chart.part === "neighbours" ? charts.neighbours : charts.trend!;
      }
      case "benchmark-group": {
        const result = await fx.caller.benchmark(benchmarkInputFor(chart.council, chart.metric, chart.filters));
        const { compare } = groupChartInput(chart.council, chart.group, chart.metric, chart.filters);
        return buildGroupSpec({
          laCode: chart.council,
          group: chart.group,
          metricId: chart.metric,
          filters: chart.filters,
          compare: await fx.caller.metrics.compare(compare),
          england: result.metrics[0]!.england,
          build,
        });
      }
    }
  })();
  return withPageHighlight(spec, highlight ?? null);
}

describe.each(CASES)("chart view: $name", ({ chart, highlight }) => {
  it("writes the spec's own table, with the chart's words in the about lines", async () => {
    const permalink = "https://lens.example/explore?from=2016";
    const out = await fx.caller.exportCsv({ view: "chart", chart, highlight, permalink, layout: "plain" });
    const spec = await pageSpec(chart, highlight);
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
    expect(out.about).toContain(`Title: ${spec.title}`);
    expect(out.about).toContain(`Permalink: ${permalink}`);
    expect(out.about).toContain(`Build: ${fx.warehouse.info.buildId}`);
    expect(out.about.some((l) => l.startsWith("Source: "))).toBe(true);
    if (highlight) expect(out.about.some((l) => l.startsWith("Note: ") && l.includes("is highlighted"))).toBe(true);
  });
});

describe("chart view against the data API", () => {
  it("holds the data API's numbers for a bar chart by model", async () => {
    const share = OVERVIEW_CHARTS.share;
    const out = await fx.caller.exportCsv({ view: "chart", chart: recipe(share, { from: 2017 }), layout: "plain" });
    const { header, rows } = readCsvExport(out.csv);
    const col = (label: string) => header.indexOf(label);
    // The group's column, then the measure's own value as recorded (the like-for-like estimate follows).
    expect(header[1]).toMatch(/\(as recorded\)$/);
    const res = await fetch(`${server.base}/api/v1/metrics/${share.metric}?groupBy=model&from=2017`);
    const api = (await res.json()) as { rows: { value: number | null; n: number; numerator: number | null }[] };
    const fromApi = api.rows.map((r) => `${r.value ?? ""}|${r.numerator ?? ""}|${r.n}`).sort();
    const fromCsv = rows.map((r) => `${r[1]}|${r[col("Numerator")]}|${r[col("n")]}`).sort();
    expect(fromCsv).toEqual(fromApi);
  });

  it("starts the spreadsheet layout with a byte-order mark and puts the about lines first in the comments layout", async () => {
    const base = { view: "chart", chart: recipe(OVERVIEW_CHARTS.share) } as const;
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

describe("chart XLSX", () => {
  it("holds the spec's table as numbers in a Data sheet and the about entries in an About sheet", async () => {
    const chart = recipe(OVERVIEW_CHARTS.share, { from: 2017 });
    const permalink = "https://lens.example/?from=2017";
    const out = await fx.caller.exportChartXlsx({ chart, permalink });
    const spec = await pageSpec(chart);
    expect(out.rows).toBe(spec.table.rows.length);
    const files = unzipSync(new Uint8Array(Buffer.from(out.base64, "base64")));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Data", "About"]);
    // Every text of both sheets sits in the shared strings or inline: the column labels and the about words are there.
    const text = Object.entries(files)
      .filter(([name]) => name.startsWith("xl/"))
      .map(([, bytes]) => strFromU8(bytes))
      .join("\n");
    for (const column of spec.table.columns) expect(text).toContain(column.label);
    expect(text).toContain(spec.title);
    expect(text).toContain(permalink);
    // Numbers are numbers: the first row's n is a numeric cell, not text.
    const sheet1 = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    const n = spec.table.rows[0]!.n as number;
    expect(sheet1).toMatch(new RegExp(`<c [^>]*r="[A-Z]+2"[^>]*><v>${n}</v></c>`));
  });

  it("answers bad input with a 400, as the CSV does", async () => {
    const error = await fx.caller
      .exportChartXlsx({ chart: recipe({ ...OVERVIEW_CHARTS.share, metric: "nope" }) })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("chart view: bad input is a 4xx naming the field", () => {
  const share = OVERVIEW_CHARTS.share;
  const neighbours = { kind: "benchmark", part: "neighbours", council: "886", metric: "share_36_months", filters: {} };
  it.each([
    ["an unknown metric", { chart: recipe({ ...share, metric: "nope" }) }, "BAD_REQUEST", /metric/i],
    ["a scatter without x", { chart: recipe({ ...scatter, x: undefined }) }, "BAD_REQUEST", /x metric/],
    [
      "a grouping the metric lacks",
      { chart: recipe({ ...share, groupBy: ["provider_ownership"] }) },
      "BAD_REQUEST",
      /provider_ownership/,
    ],
    ["an unknown chart kind", { chart: recipe({ ...share, chart: "pie" as never }) }, "BAD_REQUEST", /chart kind/],
    ["an over-long title", { chart: recipe({ ...share, title: "x".repeat(301) }) }, "BAD_REQUEST", /300 characters/],
    ["an unknown request kind", { chart: { kind: "pie", filters: {} } }, "BAD_REQUEST", /kind/],
    ["a bad council code", { chart: { ...neighbours, council: "88" } }, "BAD_REQUEST", /council code/],
    ["a council the registry lacks", { chart: { ...neighbours, council: "999" } }, "BAD_REQUEST", /999/],
    [
      "a group of a council the registry lacks",
      { chart: { ...neighbours, kind: "benchmark-group", council: "999", group: { kind: "region" } } },
      "BAD_REQUEST",
      /999/,
    ],
    [
      "an empty custom group",
      { chart: { ...neighbours, kind: "benchmark-group", group: { kind: "custom", custom: [] } } },
      "BAD_REQUEST",
      /no councils/,
    ],
    ["a bad highlight", { chart: recipe(share), highlight: "88" }, "BAD_REQUEST", /council code/],
    ["a javascript: permalink", { chart: recipe(share), permalink: "javascript:alert(1)" }, "BAD_REQUEST", /http/],
    ["a chart drawn from another build", { chart: recipe(share), buildId: "an-older-build" }, "CONFLICT", /rebuilt/],
  ])("%s", async (_what, patch, code, message) => {
    const error = await fx.caller.exportCsv({ view: "chart", ...patch } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
  });
});
