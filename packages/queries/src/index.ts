export * from "./compare.js";
export * from "./compile-metric.js";
export * from "./run.js";
export * from "./wilson.js";
