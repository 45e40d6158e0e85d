/**
 * The browser-safe registry: ids, labels, formats, vocabularies, colours, caveats, sources.
 * No SQL (that is in @lens/queries) and no classification patterns (those are in
 * `@lens/core/classify`, for the build only); bundle-has-no-sql.test.ts in apps/web checks.
 */
export * from "./council-names.js";
export * from "./councils.js";
export * from "./csv.js";
export * from "./delivery-models.js";
export * from "./dimensions.js";
export * from "./filters.js";
export * from "./format.js";
export * from "./html-entities.js";
export * from "./ledger-metrics.js";
export * from "./metrics.js";
export * from "./plausibility.js";
export * from "./provenance.js";
export * from "./red-flags.js";
export * from "./sources.js";
export * from "./vocab.js";
export * from "./warehouse-schema.js";
export * from "./words/concentration.js";
export * from "./workbook.js";
