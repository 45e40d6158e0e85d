import { describe, expect, it } from "vitest";
import { tableAboutUrl, tableDownloadUrl } from "./table-download.js";

describe("table downloads from the data API", () => {
  const filters = { from: 2018, to: 2024, region: ["London", "North West"], excludeCouncils: ["926"] };
  it("puts the page's filters, search and sort in the data API's parameters", () => {
    const url = new URL(
      tableDownloadUrl("contracts", filters, "csv", { q: "foster", sort: "value", dir: "desc" }),
      "http://x",
    );
    expect(url.pathname).toBe("/api/v1/contracts");
    expect(url.searchParams.get("from")).toBe("2018");
    expect(url.searchParams.getAll("region")).toEqual(["London", "North West"]);
    expect(url.searchParams.getAll("excludeCouncils")).toEqual(["926"]);
    expect(url.searchParams.get("q")).toBe("foster");
    expect(url.searchParams.get("format")).toBe("csv");
    expect(url.searchParams.get("bom")).toBe("1");
  });
  it("asks for a byte-order mark only for the spreadsheet CSV", () => {
    expect(tableDownloadUrl("providers", {}, "csv-plain")).toBe("/api/v1/providers?format=csv");
    expect(tableDownloadUrl("providers", {}, "xlsx")).toBe("/api/v1/providers?format=xlsx");
    expect(tableDownloadUrl("contracts", {}, "json")).toBe("/api/v1/contracts?format=json");
    expect(tableAboutUrl("contracts", { council: ["886"] }, { q: "foster" })).toBe(
      "/api/v1/contracts/about?council=886&q=foster",
    );
  });
  it("passes only the filters the table's metric takes", () => {
    const url = tableDownloadUrl("contracts", { sector: ["Private"], service: ["fostering"] }, "csv-plain");
    expect(url).toBe("/api/v1/contracts?service=fostering&format=csv");
  });
});
