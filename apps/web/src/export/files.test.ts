import { longSpec } from "@lens/charts/spec-fixtures";
import type { WorkbookSheet } from "@lens/core";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportFileName } from "./file-name.js";
import { embedCode, embedUrlFor, permalinkFor, pinnedBuild } from "./permalink.js";
import { chartSheets, chartXlsx } from "./xlsx.js";

const META = {
  permalink: "https://lens.example/?from=2015&size=standard",
  exportedAt: new Date("2026-11-25T10:00:00Z"),
};

describe("chartXlsx", () => {
  it("writes a Data sheet of the exact rows and an About sheet", async () => {
    const spec = longSpec("bar");
    const [{ data }, { data: about }] = chartSheets(spec, { ...META, buildId: "b-42" }) as [
      WorkbookSheet,
      WorkbookSheet,
    ];
    expect(data).toHaveLength(spec.table.rows.length + 1);
    expect(data[1]).toEqual(["Market-led", 0.3412, 341, 1000, 1000, false]);
    // Suppressed: empty, never 0.
    expect(data[2]!.slice(1, 4)).toEqual([null, null, null]);
    expect(about.map((r) => (r[0] as { value: string }).value)).toEqual(
      expect.arrayContaining(["Title", "Filters", "Source", "Licence", "Build", "Permalink"]),
    );
    const blob = await chartXlsx(spec, META);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Data", "About"]);
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
