export * from "./generate.js";
export { Random } from "./random.js";
