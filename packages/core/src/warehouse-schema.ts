/**
 * The warehouse schema: a public interface researchers query directly (documented column by
 * column in docs/warehouse.md). Unknown values are NULL, never 0. Every fact row keeps the
 * file and line it came from. The tables themselves are declared in warehouse-tables.ts and
 * reach the build through `@lens/core/schema` (with the DDL); this browser-safe part holds
 * only what the API and the app need.
 */

/**
 * Bumped whenever a table or column is added, renamed or dropped (here or in a build step):
 * the API refuses a warehouse built with another version instead of failing query by query.
 * 2: service/scope/ownership rule columns, value_flag, exclusions.
 * 3: supplier_owner_links and owner_groups (the supplier ↔ Ofsted owner linkage build step).
 */
export const SCHEMA_VERSION = 3;

/** Tables whose row counts /api/health reports. */
export const MAIN_TABLES = [
  "local_authorities",
  "statistical_neighbours",
  "provider_snapshots",
  "inspections",
  "joiners_leavers",
  "contracts",
  "spend",
  "rejects",
] as const;
