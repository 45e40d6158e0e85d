import { longSpec } from "@lens/charts/spec-fixtures";
import { describe, expect, it } from "vitest";
import { exportFileName } from "./file-name.js";
import { embedCode, embedUrlFor, permalinkFor, pinnedBuild } from "./permalink.js";

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
