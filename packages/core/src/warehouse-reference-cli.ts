/**
 * `npm run docs:warehouse`: rewrites the generated column reference in docs/warehouse.md from
 * the table declarations, leaving the rest of the doc as it is. warehouse-reference.test.ts
 * fails while the committed doc differs from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { WAREHOUSE_DOC } from "./warehouse-doc-path.js";
import { withColumnReference } from "./warehouse-reference.js";

const before = readFileSync(WAREHOUSE_DOC, "utf8");
const after = withColumnReference(before);
if (after === before) console.log("docs/warehouse.md: column reference already up to date");
else {
  writeFileSync(WAREHOUSE_DOC, after);
  console.log("docs/warehouse.md: column reference regenerated");
}
