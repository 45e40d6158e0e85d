/**
 * exportCsv's `chart` view: the files behind one dashboard chart, written on the server. The
 * page sends what names the chart (@lens/charts chart-request.ts: its recipe and filters, or
 * what its page composes it from); this asks the same procedures with the same inputs as the
 * page (through the caller, so the same cache entries), builds the same spec with the same
 * builders and writes its table and about lines (chart-files.ts).
 * The Download CSV buttons call this, so the file users get is the path the tests cover.
 */
import { benchmarkCharts, benchmarkInputFor, buildGroupSpec, groupChartInput } from "@lens/charts/benchmark-charts";
import { aboutEntries, aboutLines, chartCsv } from "@lens/charts/chart-files";
import { type ChartRecipe, JOINERS_LEAVERS } from "@lens/charts/chart-recipes";
import { CHART_KINDS, type ChartSpec } from "@lens/charts/chart-spec";
import { GROUP_KINDS } from "@lens/charts/comparison-group";
import { withPageHighlight } from "@lens/charts/highlight";
import { recipeInputs } from "@lens/charts/recipe-inputs";
import { joinersLeaversSpec, specFromAnswers } from "@lens/charts/recipe-spec";
import { COUNCILS, type Filters, filtersSchema, groupBySchema, metricIdSchema, workbookSheets } from "@lens/core";
import { TRPCError } from "@trpc/server";
import writeXlsxFile, { type SheetData } from "write-excel-file/node";
import { z } from "zod";
import { queryCaller } from "./query-procedures.js";
import type { Context } from "./trpc.js";

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** A chart recipe as @lens/charts defines it; the page's, Explore's and a brief's charts are all one. */
export const chartRecipeInput = z
  .object({
    id: text(160).min(1, "a chart id is required"),
    page: text(160).regex(/^\/[A-Za-z0-9/_-]*$/, "a page path such as /explore"),
    metric: metricIdSchema,
    chart: z.enum(CHART_KINDS, { message: `unknown chart kind; allowed: ${CHART_KINDS.join(", ")}` }),
    groupBy: groupBySchema.default([]),
    x: metricIdSchema.optional(),
    title: text(300).optional(),
    subtitle: text(300).optional(),
    referenceLines: z
      .array(
        z.object({
          value: z.number().finite(),
          label: text(120),
          colour: z
            .string()
            .regex(/^#[0-9A-Fa-f]{3,8}$/, "a hex colour")
            .optional(),
        }),
      )
      .max(8)
      .optional(),
    sortByValue: z.boolean().optional(),
    horizontal: z.boolean().optional(),
  })
  .refine((r) => r.chart !== "scatter" || r.x !== undefined, { message: "a scatter needs an x metric", path: ["x"] });

const councilCode = z.string().regex(/^\d{3}$/, "a 3-digit DfE council code");
const filters = filtersSchema.default({});

/** One dashboard chart (@lens/charts chart-request.ts): a recipe, or what its page composes it from. */
export const chartRequestInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("recipe"), recipe: chartRecipeInput, filters }),
  z.object({ kind: z.literal("joiners-leavers"), filters }),
  z.object({
    kind: z.literal("benchmark"),
    part: z.enum(["neighbours", "trend"]),
    council: councilCode,
    metric: metricIdSchema,
    filters,
  }),
  z.object({
    kind: z.literal("benchmark-group"),
    council: councilCode,
    metric: metricIdSchema,
    group: z.object({
      kind: z.enum(GROUP_KINDS, { message: `unknown group; allowed: ${GROUP_KINDS.join(", ")}` }),
      custom: z.array(councilCode).max(200).default([]),
    }),
    filters,
  }),
]);

export const chartViewInput = {
  view: z.literal("chart"),
  chart: chartRequestInput,
  /** The council the page highlights: its rank and value join the about lines, as on the page. */
  highlight: councilCode.optional(),
  /** The page address the about file names, so a reader can open the chart again. */
  permalink: z
    .url({ protocol: /^https?$/, message: "an http(s) address" })
    .max(4000)
    .optional(),
  /** The warehouse build the page drew the chart from: a file from another build would not be that chart. */
  buildId: z.string().max(200).optional(),
  layout: z.enum(["comments", "spreadsheet", "plain"]).default("spreadsheet"),
};
type ChartViewInput = z.output<z.ZodObject<typeof chartViewInput>>;
type ChartRequestInput = z.output<typeof chartRequestInput>;

// The build's facts, as the page reads them from meta.build (the same object).
const buildOf = (ctx: Context) => ctx.warehouse.info;

/** A recipe's spec from the same procedures' answers the page's hooks read. */
async function recipeSpec(ctx: Context, recipe: ChartRecipe, filters: Filters): Promise<ChartSpec> {
  const call = queryCaller(ctx);
  const inputs = recipeInputs(recipe, filters);
  const [compare, distribution, scatter] = await Promise.all([
    inputs.compare ? call.metrics.compare(inputs.compare) : undefined,
    inputs.distribution ? call.metrics.distribution(inputs.distribution) : undefined,
    inputs.scatter ? call.metrics.scatter(inputs.scatter) : undefined,
  ]);
  const spec = specFromAnswers(recipe, filters, { compare, distribution, scatter }, buildOf(ctx));
  // Every answer the recipe needs was just asked for, so a missing spec is a fault here, not bad input.
  if (!spec) throw new Error(`chart '${recipe.id}' could not be built from its answers`);
  return spec;
}

const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

async function requestSpec(ctx: Context, request: ChartRequestInput): Promise<ChartSpec> {
  const call = queryCaller(ctx);
  switch (request.kind) {
    case "recipe":
      return recipeSpec(ctx, request.recipe, request.filters);
    case "joiners-leavers": {
      const parts = await Promise.all(JOINERS_LEAVERS.parts.map((p) => recipeSpec(ctx, p.recipe, request.filters)));
      return joinersLeaversSpec(parts);
    }
    case "benchmark": {
      const result = await call.benchmark(benchmarkInputFor(request.council, request.metric, request.filters));
      const charts = benchmarkCharts(result, request.metric, request.filters, buildOf(ctx));
      if (!charts) throw notFound(`no benchmark of '${request.metric}' for council ${request.council}`);
      if (request.part === "neighbours") return charts.neighbours;
      if (!charts.trend)
        throw notFound(`council ${request.council} has no published value of '${request.metric}' in any year`);
      return charts.trend;
    }
    case "benchmark-group": {
      if (!COUNCILS.some((c) => c.laCode === request.council))
        throw new TRPCError({ code: "BAD_REQUEST", message: `no council has the code ${request.council}` });
      const { members, compare } = groupChartInput(request.council, request.group, request.metric, request.filters);
      if (members.length === 0)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "the group has no councils other than the council itself",
        });
      const [result, answer] = await Promise.all([
        call.benchmark(benchmarkInputFor(request.council, request.metric, request.filters)),
        call.metrics.compare(compare),
      ]);
      return buildGroupSpec({
        laCode: request.council,
        group: request.group,
        metricId: request.metric,
        filters: request.filters,
        compare: answer,
        england: result.metrics[0]?.england ?? null,
        build: buildOf(ctx),
      });
    }
  }
}

/** The spec the page drew for this chart, highlighted as the page highlights it. */
export async function chartSpecFor(ctx: Context, input: Pick<ChartViewInput, "chart" | "highlight" | "buildId">) {
  if (input.buildId !== undefined && input.buildId !== ctx.warehouse.info.buildId)
    throw new TRPCError({
      code: "CONFLICT",
      message: "the data was rebuilt since this chart was drawn: reload the page to export the chart as it is now",
    });
  return withPageHighlight(await requestSpec(ctx, input.chart), input.highlight ?? null);
}

const metaFor = (ctx: Context, input: Pick<ChartViewInput, "permalink">) => ({
  permalink: input.permalink ?? "(not given)",
  exportedAt: new Date(),
  buildId: ctx.warehouse.info.buildId,
});

export async function exportChart(ctx: Context, input: ChartViewInput) {
  const spec = await chartSpecFor(ctx, input);
  const about = aboutLines(spec, metaFor(ctx, input));
  const rows = chartCsv(spec, { bom: input.layout === "spreadsheet" });
  // Comment lines suit scripts that skip them; spreadsheets get the about lines in a file of their own.
  const csv = input.layout === "comments" ? `${about.map((l) => `# ${l}`).join("\r\n")}\r\n${rows}` : rows;
  return {
    filename: `lens-${spec.id.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()}.csv`,
    csv,
    about,
    rows: spec.table.rows.length,
    truncated: false,
  };
}

/** The chart XLSX's input: the chart view's, without a CSV layout. */
export const chartXlsxInput = z.object({
  chart: chartRequestInput,
  highlight: chartViewInput.highlight,
  permalink: chartViewInput.permalink,
  buildId: chartViewInput.buildId,
});

/**
 * The same chart as an .xlsx workbook in @lens/core's one layout: a Data sheet of the spec's
 * table and an About sheet of the about file's entries. Base64, because tRPC answers JSON.
 */
export async function exportChartXlsx(ctx: Context, input: z.output<typeof chartXlsxInput>) {
  const spec = await chartSpecFor(ctx, input);
  const { columns, rows } = spec.table;
  const sheets = workbookSheets(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => r[c.key])),
    aboutEntries(spec, metaFor(ctx, input)),
  );
  const buffer = await writeXlsxFile(sheets.map((s) => ({ ...s, data: s.data as SheetData }))).toBuffer();
  return { rows: rows.length, base64: buffer.toString("base64") };
}
