/**
 * What names one dashboard chart for the server's chart export (exportCsv's `chart` view): the
 * recipe charts by their recipe, the charts composed on a page by what that page draws them
 * from. The server answers each by asking the same procedures with the same inputs and building
 * the same spec, so the downloaded file is the chart on the page.
 */
import type { Filters } from "@lens/core";
import type { ChartRecipe } from "./chart-recipes.js";
import type { ComparisonGroup } from "./comparison-group.js";

export type ChartRequest =
  | { kind: "recipe"; recipe: ChartRecipe; filters: Filters }
  /** The Provider quality page's joiners and leavers (chart-recipes JOINERS_LEAVERS). */
  | { kind: "joiners-leavers"; filters: Filters }
  /** The council benchmark's neighbours chart or its trend beside England. */
  | { kind: "benchmark"; part: "neighbours" | "trend"; council: string; metric: string; filters: Filters }
  /** The council among a region, council type or custom group. */
  | { kind: "benchmark-group"; council: string; metric: string; group: ComparisonGroup; filters: Filters };
