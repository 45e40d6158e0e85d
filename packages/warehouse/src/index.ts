export * from "./build.js";
export * from "./db.js";
export * from "./paths.js";
