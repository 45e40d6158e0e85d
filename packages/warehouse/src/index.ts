// Read access only: the build pipeline (which pulls in every parser) is `@lens/warehouse/build`.
export * from "./db.js";
export * from "./paths.js";
