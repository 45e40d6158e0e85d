/** The about answer of a table download: counts, the cap and its message, the links of the same selection. */
import { describe, expect, it } from "vitest";
import type { BuildInfo } from "../warehouse-holder.js";
import { parseTableQuery } from "./params.js";
import { aboutSheet, tableAbout } from "./table-download.js";
import { TABLE_ROW_CAP, tableSql } from "./table-rows.js";

const info: BuildInfo = {
  builtAt: "2026-12-02T18:36:46.175Z",
  isSample: false,
  rulesetVersion: "2026.12-3",
  sources: [],
  buildId: "2026-12-02T18:36:46.175Z#1",
};
const query = (qs: string) => {
  const params = new URLSearchParams(qs);
  const parsed = parseTableQuery("contracts", params);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { params, value: parsed.value };
};

describe("tableAbout", () => {
  it("says when the cap is hit, how many rows the selection has and which are kept", () => {
    const { params, value } = query("region=London&format=csv&bom=1");
    const about = tableAbout("contracts", value, params, info, TABLE_ROW_CAP + 2_345);
    expect(about).toMatchObject({ rows: TABLE_ROW_CAP, total: 102_345, truncated: true, rowCap: 100_000 });
    expect(about.message).toBe(
      "Truncated: the first 100,000 of 102,345 rows in this order. Narrow the filters for the rest.",
    );
    expect(about.links).toEqual({
      json: "/api/v1/contracts?region=London",
      csv: "/api/v1/contracts?region=London&format=csv&bom=1",
      xlsx: "/api/v1/contracts?region=London&format=xlsx",
      about: "/api/v1/contracts/about?region=London",
    });
    const sheet = aboutSheet(about).map(([label]) => label);
    expect(sheet).toContain("Truncated");
    expect(sheet).toContain("Build");
  });

  it("is not truncated at or under the cap", () => {
    const { params, value } = query("");
    const about = tableAbout("contracts", value, params, info, TABLE_ROW_CAP);
    expect(about).toMatchObject({ rows: TABLE_ROW_CAP, truncated: false, message: null });
    expect(about.links.csv).toBe("/api/v1/contracts?format=csv&bom=1");
  });

  it("binds every value and the cap as parameters", () => {
    const { value } = query("q=O'Brien&region=London&sort=value&dir=asc");
    const sql = tableSql(value);
    expect(sql.rows).not.toContain("O'Brien");
    expect(sql.rows).toMatch(/LIMIT \$cap$/);
    expect(sql.params).toMatchObject({ q: "O'Brien", cap: TABLE_ROW_CAP });
  });
});
