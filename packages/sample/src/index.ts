export * from "./generate.js";
export { laReferenceCsv } from "./la-reference.js";
export { Random } from "./random.js";
