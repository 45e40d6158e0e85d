/**
 * `@lens/core/schema`: the warehouse tables as data, their row types and the DDL generated
 * from them. A separate entry from `@lens/core` so that only the build, the fixtures and the
 * doc generator read it: the web app imports the main entry and never ships SQL.
 */
export * from "./warehouse-ddl.js";
export * from "./warehouse-reference.js";
export * from "./warehouse-tables.js";
