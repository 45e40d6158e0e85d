/**
 * `@lens/core/classify`: the classification rules and their patterns (scope, buyers, service,
 * procedure, commissioning model, supplier ownership). A separate entry from `@lens/core` so
 * that only the build (ingest, warehouse, fetch) reads them: the web app imports the main entry
 * and never ships a rule's pattern. The rules' ids, version and descriptions reach the browser
 * through the warehouse's classification_rules table (meta.rules), not through this module.
 */
export * from "./buyers.js";
export * from "./classification/index.js";
export * from "./scope.js";
