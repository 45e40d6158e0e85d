/**
 * Every warehouse query the API serves, declared once: its procedure path (the nesting below),
 * its input schema, the function that answers it and one line saying what it is. The tRPC
 * procedures are generated from this (query-procedures.ts), and the data API and the CSV
 * exports call those procedures through a server-side caller, so a chart, its CSV and the
 * public API share one validation, one cache entry and one error mapping.
 *
 * Procedures that read no warehouse table (meta.build, meta.registry, meta.catalogue) and
 * exportCsv, which composes other procedures, are written by hand in routers/.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  benchmark,
  benchmarkInput,
  classificationRules,
  compare,
  compareInput,
  councilIlacs,
  councilIlacsInput,
  distribution,
  distributionInput,
  filterOptions,
  filterOptionsInput,
  ledgerPayments,
  ledgerPaymentsInput,
  type RunOptions,
  redFlagCounts,
  redFlagCountsInput,
  scatter,
  scatterInput,
  searchContracts,
  searchContractsInput,
  searchProviders,
  searchProvidersInput,
  sourcesUsed,
  timeseries,
  timeseriesInput,
} from "@lens/queries";
import type { z } from "zod";

/** One query: `input` is null for a query that takes none. */
export interface QueryDef<S extends z.ZodType | null, T> {
  input: S;
  // A method, so a registry of different inputs is one QueryTree (parameters checked bivariantly).
  run(
    connection: DuckDBConnection,
    input: S extends z.ZodType ? z.output<S> : undefined,
    options: RunOptions,
  ): Promise<T>;
  doc: string;
}

/** Declares a query; the types of `run`'s input and result are read from the schema and the function. */
export function query<S extends z.ZodType | null, T>(
  input: S,
  run: QueryDef<S, T>["run"],
  doc: string,
): QueryDef<S, T> {
  return { input, run, doc };
}

export const QUERIES = {
  meta: {
    sources: query(
      null,
      (c, _input, o) => sourcesUsed(c, o),
      "Sources this warehouse read, with publisher, URL, licence, rows kept and rejected, build date.",
    ),
    rules: query(
      null,
      (c, _input, o) => classificationRules(c, o),
      "The classification rules (table classification_rules), in precedence order.",
    ),
    filterOptions: query(
      filterOptionsInput,
      filterOptions,
      "Each dimension's values with row counts, for the filters.",
    ),
  },
  metrics: {
    compare: query(
      compareInput,
      compare,
      "One metric grouped by up to two dimensions, with n, suppression and sources.",
    ),
    timeseries: query(timeseriesInput, timeseries, "One metric by year, one series per value of up to one dimension."),
    distribution: query(distributionInput, distribution, "One metric's spread across councils, one box per group."),
    scatter: query(scatterInput, scatter, "Two metrics per council, with their correlation across councils."),
  },
  benchmark: query(
    benchmarkInput,
    benchmark,
    "One council against its statistical neighbours, its region and England.",
  ),
  councilIlacs: query(
    councilIlacsInput,
    councilIlacs,
    "The council's latest ILACS judgement and the judgements of its neighbours, region and England.",
  ),
  ledgerPayments: query(
    ledgerPaymentsInput,
    ledgerPayments,
    "The four council ledgers' placement payments by provider ownership, beside the s251 outturn, and their shared providers.",
  ),
  contracts: {
    search: query(
      searchContractsInput,
      searchContracts,
      "Paged, sortable text search over contracts; every row links to its source.",
    ),
    redFlags: query(
      redFlagCountsInput,
      redFlagCounts,
      "Contracts carrying each red flag (a reason to look, not a verdict) in the same selection as search.",
    ),
  },
  providers: {
    search: query(
      searchProvidersInput,
      searchProviders,
      "Paged, sortable text search over Ofsted providers; every row links to its source.",
    ),
  },
} as const;

/** A registry (or one namespace of it): queries, and namespaces of queries. */
export interface QueryTree {
  readonly [name: string]: QueryDef<z.ZodType | null, unknown> | QueryTree;
}

export function isQueryDef(
  value: QueryDef<z.ZodType | null, unknown> | QueryTree,
): value is QueryDef<z.ZodType | null, unknown> {
  return typeof (value as { run?: unknown }).run === "function";
}

/** Every query's path ("metrics.compare") with its definition, in declaration order. */
export function queryPaths(tree: QueryTree = QUERIES, prefix = ""): [string, QueryDef<z.ZodType | null, unknown>][] {
  return Object.entries(tree).flatMap(([name, value]) =>
    isQueryDef(value)
      ? [[`${prefix}${name}`, value] as [string, QueryDef<z.ZodType | null, unknown>]]
      : queryPaths(value, `${prefix}${name}.`),
  );
}
