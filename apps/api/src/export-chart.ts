/**
 * exportCsv's `chart` view: the files behind one dashboard chart, written on the server. The
 * page sends the chart's recipe and the filters it drew with; this asks the same procedures
 * the page's hooks asked (recipe-inputs.ts, through the caller, so the same cache entries),
 * builds the same spec (recipe-spec.ts) and writes its table and about lines (chart-files.ts).
 * The Download CSV buttons call this, so the file users get is the path the tests cover.
 */

import { aboutLines, chartCsv } from "@lens/charts/chart-files";
import { CHART_KINDS, type ChartSpec } from "@lens/charts/chart-spec";
import { withPageHighlight } from "@lens/charts/highlight";
import { recipeInputs } from "@lens/charts/recipe-inputs";
import { specFromAnswers } from "@lens/charts/recipe-spec";
import { filtersSchema, groupBySchema, metricIdSchema } from "@lens/core";
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

export const chartViewInput = {
  view: z.literal("chart"),
  recipe: chartRecipeInput,
  filters: filtersSchema.default({}),
  /** The council the page highlights: its rank and value join the about lines, as on the page. */
  highlight: z
    .string()
    .regex(/^\d{3}$/, "a 3-digit DfE council code")
    .optional(),
  /** The page address the about file names, so a reader can open the chart again. */
  permalink: z
    .url({ protocol: /^https?$/, message: "an http(s) address" })
    .max(4000)
    .optional(),
  layout: z.enum(["comments", "spreadsheet", "plain"]).default("spreadsheet"),
};
type ChartViewInput = z.output<z.ZodObject<typeof chartViewInput>>;

/** The spec the page drew for this recipe and these filters, from the same procedures' answers. */
export async function chartSpecFor(ctx: Context, input: Omit<ChartViewInput, "view" | "layout">): Promise<ChartSpec> {
  const call = queryCaller(ctx);
  const inputs = recipeInputs(input.recipe, input.filters);
  const [compare, distribution, scatter] = await Promise.all([
    inputs.compare ? call.metrics.compare(inputs.compare) : undefined,
    inputs.distribution ? call.metrics.distribution(inputs.distribution) : undefined,
    inputs.scatter ? call.metrics.scatter(inputs.scatter) : undefined,
  ]);
  const info = ctx.warehouse.info;
  const spec = specFromAnswers(
    input.recipe,
    input.filters,
    { compare, distribution, scatter },
    { isSample: info.isSample, builtAt: info.builtAt ?? null },
  );
  // Every answer the recipe needs was just asked for, so a missing spec is a fault here, not bad input.
  if (!spec) throw new Error(`chart '${input.recipe.id}' could not be built from its answers`);
  return withPageHighlight(spec, input.highlight ?? null);
}

export async function exportChart(ctx: Context, input: ChartViewInput) {
  const spec = await chartSpecFor(ctx, input);
  const about = aboutLines(spec, {
    permalink: input.permalink ?? "(not given)",
    exportedAt: new Date(),
    buildId: ctx.warehouse.info.buildId,
  });
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
