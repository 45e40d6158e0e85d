/**
 * What the dashboard needs besides numbers: the build (sample or real, dates, buildId), the
 * registries, the sources this warehouse was built from, the classification rules as the build
 * wrote them, and filter options with row counts.
 */
import { METRICS, SOURCES } from "@lens/core";
import { classificationRules, filterOptions, filterOptionsInput, registryCatalogue, sourcesUsed } from "@lens/queries";
import { cachedQuery, publicProcedure, router } from "../trpc.js";

const CATALOGUE = registryCatalogue();

export const metaRouter = router({
  build: publicProcedure.query(({ ctx }) => ctx.warehouse.info),
  /** The metric definitions and the source catalogue. No SQL: that stays on the server (@lens/queries' metric-sql.ts). */
  registry: publicProcedure.query(() => ({ metrics: METRICS, sources: SOURCES })),
  /** Metrics and dimensions as plain data: labels, definitions, vocabularies, colours. */
  catalogue: publicProcedure.query(() => CATALOGUE),
  /** Sources this warehouse read, with publisher, URL, licence, rows kept and rejected, build date. */
  sources: publicProcedure.query(({ ctx }) => cachedQuery(ctx, "meta.sources", null, (c, o) => sourcesUsed(c, o))),
  /** The classification rules (table classification_rules), in precedence order. */
  rules: publicProcedure.query(({ ctx }) => cachedQuery(ctx, "meta.rules", null, (c, o) => classificationRules(c, o))),
  filterOptions: publicProcedure
    .input(filterOptionsInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "meta.filterOptions", input, (c, o) => filterOptions(c, input, o))),
});
