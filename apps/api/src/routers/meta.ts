/**
 * What the dashboard needs besides numbers that reads no warehouse table: the build (sample or
 * real, dates, buildId) and the registries. The meta queries that do read the warehouse
 * (sources, rules, filterOptions) are in the query registry.
 */
import { METRICS, SOURCES } from "@lens/core";
import { registryCatalogue } from "@lens/queries";
import { publicProcedure } from "../trpc.js";

const CATALOGUE = registryCatalogue();

export const metaProcedures = {
  build: publicProcedure.query(({ ctx }) => ctx.warehouse.info),
  /** The metric definitions and the source catalogue. No SQL: that stays on the server (@lens/queries' metric-sql.ts). */
  registry: publicProcedure.query(() => ({ metrics: METRICS, sources: SOURCES })),
  /** Metrics and dimensions as plain data: labels, definitions, vocabularies, colours. */
  catalogue: publicProcedure.query(() => CATALOGUE),
};
