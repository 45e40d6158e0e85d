import { csvCell, readCsvExport } from "@lens/core";
import { describe, expect, it } from "vitest";
import { aboutEntries, aboutFileText, aboutLines, chartCsv } from "./chart-files.js";
import { longSpec } from "./spec-fixtures.js";

const META = {
  permalink: "https://lens.example/?from=2015&size=standard",
  exportedAt: new Date("2026-11-25T10:00:00Z"),
};

describe("chartCsv", () => {
  it("writes the table's exact rows and nothing else: no comment lines", () => {
    const spec = longSpec("bar");
    const csv = chartCsv(spec);
    expect(csv.startsWith("Commissioning model,")).toBe(true);
    expect(csv).not.toMatch(/^#/m);
    const { comments, header, rows } = readCsvExport(csv);
    expect(comments).toEqual([]);
    expect(header).toEqual(["Commissioning model", "Value", "Numerator", "Denominator", "n", "Suppressed"]);
    expect(rows[0]).toEqual(["Market-led", "0.3412", "341", "1000", "1000", "false"]);
    // Suppressed: empty, never 0.
    expect(rows[1]!.slice(1)).toEqual(["", "", "", "12", "true"]);
    // A negative number stays a number; a comma in a label is quoted.
    expect(rows[2]).toEqual(["Cooperative, grants", "-0.5", "5", "10", "10", "false"]);
    expect(rows.filter((r) => r.length > 1)).toHaveLength(spec.table.rows.length);
  });

  it("starts the spreadsheet CSV with a UTF-8 byte-order mark, the plain one without", () => {
    const spec = longSpec("bar");
    expect(chartCsv(spec, { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(chartCsv(spec).charCodeAt(0)).not.toBe(0xfeff);
    expect([...new TextEncoder().encode(chartCsv(spec, { bom: true })).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsvExport(chartCsv(spec, { bom: true })).header[0]).toBe("Commissioning model");
  });

  it("puts the title, filters, concentration, source, licence, build and permalink in the about file", () => {
    const disclosures = ["93% of these contracts come from Norfolk County Council's 2015 contract register"];
    const spec = longSpec("bar", { disclosures });
    const about = aboutFileText(aboutLines(spec, { ...META, buildId: "b-42" }));
    const lines = about.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(`Title: ${spec.title}`);
    expect(about).toContain(`Read with: ${disclosures[0]}`);
    expect(about).toMatch(/^Source: Cabinet Office/m);
    expect(about).toMatch(/^Licence: Open Government Licence v3\.0/m);
    expect(about).toContain("Build: b-42");
    expect(about).toContain(`Permalink: ${META.permalink}`);
    expect(about).toContain("Sample data — not real");
    expect(about).toMatch(/^Columns: Commissioning model, Value, /m);
    expect(about).toContain(`(${spec.table.rows.length} rows; empty cells: missing or suppressed, never 0)`);
    expect(aboutEntries(spec, META).some(([k]) => k === "Build")).toBe(false);
  });

  it("neutralises spreadsheet formulas in text cells", () => {
    const spec = longSpec("bar");
    expect(chartCsv(spec)).toContain(`"'=HYPERLINK(""x"")"`);
    for (const v of ["=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(v).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
  });
});
