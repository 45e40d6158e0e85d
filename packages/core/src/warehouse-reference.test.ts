import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WAREHOUSE_DOC } from "./warehouse-doc-path.js";
import { columnReference, REFERENCE_END, REFERENCE_START, withColumnReference } from "./warehouse-reference.js";
import { WAREHOUSE_TABLES } from "./warehouse-tables.js";

describe("the warehouse column reference", () => {
  it("is in docs/warehouse.md as the table declarations generate it", () => {
    const doc = readFileSync(WAREHOUSE_DOC, "utf8");
    const stale = withColumnReference(doc) !== doc;
    expect(
      stale,
      "docs/warehouse.md's column reference differs from the table declarations in packages/core/src/warehouse-tables.ts: run `npm run docs:warehouse` and commit the doc",
    ).toBe(false);
  });

  it("lists every declared column of every table with its type and constraint", () => {
    const reference = columnReference();
    for (const spec of Object.values(WAREHOUSE_TABLES)) {
      expect(reference).toContain(`### \`${spec.name}\` — ${spec.doc}`);
      for (const [name, column] of Object.entries(spec.columns))
        expect(reference).toContain(`| \`${name}\` | ${column.type} |`);
    }
    expect(reference).toContain("| `contract_id` | VARCHAR | primary key |");
    expect(reference).toContain("| `is_derived` | BOOLEAN | not null, default false |");
  });

  it("replaces only the part between the markers and keeps the prose around it", () => {
    const doc = `# Title\n\nprose before\n\n${REFERENCE_START}\nold table\n${REFERENCE_END}\n\nprose after\n`;
    const updated = withColumnReference(doc);
    expect(updated.startsWith("# Title\n\nprose before\n\n")).toBe(true);
    expect(updated.endsWith("\n\nprose after\n")).toBe(true);
    expect(updated).not.toContain("old table");
    expect(withColumnReference(updated)).toBe(updated);
  });

  it("appends the section to a doc without markers", () => {
    const updated = withColumnReference("# Title\n\nprose\n");
    expect(updated).toBe(`# Title\n\nprose\n\n## Column reference\n\n${columnReference()}\n`);
  });
});
