/** The takeaway sentence, for the pages that import it from here; every generated sentence lives in sentences.ts. */
export { takeaway } from "./sentences.js";
