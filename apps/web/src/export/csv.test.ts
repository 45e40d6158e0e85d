import { describe, expect, it } from "vitest";
import { chartCsv, csvCell, parseCsv } from "./csv.js";
import { exportFileName } from "./file-name.js";
import { longSpec } from "./fixtures.js";
import { embedCode, embedUrlFor, permalinkFor, pinnedBuild } from "./permalink.js";

const META = {
  permalink: "https://lens.example/?from=2015&size=standard",
  exportedAt: new Date("2026-11-25T10:00:00Z"),
};

describe("chartCsv", () => {
  it("writes the table's exact rows after commented context lines", () => {
    const spec = longSpec("bar");
    const { comments, rows } = parseCsv(chartCsv(spec, META));
    expect(comments[0]).toBe(`# ${spec.title}`);
    expect(comments.join("\n")).toMatch(/# Source: Cabinet Office/);
    expect(comments.join("\n")).toMatch(/# Licence: Open Government Licence v3\.0/);
    expect(comments.join("\n")).toContain(`# Permalink: ${META.permalink}`);
    expect(comments.join("\n")).toContain("Sample data — not real");
    expect(rows[0]).toEqual(["Commissioning model", "Value", "Numerator", "Denominator", "n", "Suppressed"]);
    expect(rows[1]).toEqual(["Market-led", "0.3412", "341", "1000", "1000", "false"]);
    // Suppressed: empty, never 0.
    expect(rows[2]!.slice(1)).toEqual(["", "", "", "12", "true"]);
    // A negative number stays a number; a comma in a label is quoted.
    expect(rows[3]).toEqual(["Cooperative, grants", "-0.5", "5", "10", "10", "false"]);
  });

  it("carries the concentration and like-for-like words as comment lines", () => {
    const disclosures = ["93% of these contracts come from Norfolk County Council's 2015 contract register"];
    const { comments } = parseCsv(chartCsv(longSpec("bar", { disclosures }), META));
    expect(comments).toContain(`# ${disclosures[0]}`);
  });

  it("neutralises spreadsheet formulas in text cells and comment lines", () => {
    const csv = chartCsv(longSpec("bar", { title: "Costs, =cmd|' /C calc'!A0" }), META);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("# Costs, '=cmd");
    for (const v of ["=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(v).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
  });
});

describe("exportFileName", () => {
  it("says what the chart is and which years", () => {
    expect(exportFileName(longSpec("bar"), "png", "standard")).toBe("lens-contract-length-by-model-2015-2025.png");
    expect(exportFileName(longSpec("bar"), "png", "social")).toBe("lens-contract-length-by-model-2015-2025-social.png");
    expect(exportFileName(longSpec("line", { yearRange: undefined }), "csv")).toBe(
      "lens-contract-length-by-model-2015-2025.csv",
    );
    expect(exportFileName(longSpec("bar", { yearRange: undefined, id: "Share ≥ 36 months!" }), "svg")).toBe(
      "lens-share-36-months-all-years.svg",
    );
  });
});

describe("permalinks and embeds", () => {
  it("keeps the page state, sets the size and pins the build when frozen", () => {
    const href = "https://lens.example/explore?metric=contracts&region=London&region=North+East&size=square#x";
    const link = new URL(permalinkFor(href, "social"));
    expect(link.pathname).toBe("/explore");
    expect(link.searchParams.getAll("region")).toEqual(["London", "North East"]);
    expect(link.searchParams.get("size")).toBe("social");
    expect(link.searchParams.has("build")).toBe(false);
    const frozen = permalinkFor(href, "standard", "b-42");
    expect(pinnedBuild(new URL(frozen).search)).toBe("b-42");
  });

  it("points the iframe at the chart-only route with the same state", () => {
    const src = embedUrlFor(
      "https://lens.example/explore?metric=contracts&size=social&build=b",
      "contracts-by-model",
      "/explore",
    );
    expect(src).toBe("https://lens.example/embed/contracts-by-model?metric=contracts&page=%2Fexplore");
    const code = embedCode(src, 'Contracts "by" model');
    expect(code).toMatch(
      /^<iframe src="https:\/\/lens\.example\/embed\/contracts-by-model\?metric=contracts&#38;page=%2Fexplore"/,
    );
    expect(code).toContain('title="Contracts &#34;by&#34; model"');
  });
});
