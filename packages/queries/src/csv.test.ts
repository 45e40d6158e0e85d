import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.js";
import { metricRowsToCsv } from "./metric-csv.js";

describe("toCsv", () => {
  it("writes source and licence, a header and quoted cells", () => {
    const csv = toCsv(
      [
        { model: "market-led", value: 0.6, note: 'says "hi", twice' },
        { model: "cooperative", value: null, note: "line\nbreak" },
      ],
      [
        { key: "model", label: "Commissioning model" },
        { key: "value", label: "Share" },
        { key: "note", label: "Note" },
      ],
      { source: "Contracts Finder", licence: "Open Government Licence v3.0", notes: ["Sample data — not real"] },
    );
    expect(csv.split("\r\n")).toEqual([
      "# Source: Contracts Finder",
      "# Licence: Open Government Licence v3.0",
      "# Sample data — not real",
      "Commissioning model,Share,Note",
      'market-led,0.6,"says ""hi"", twice"',
      'cooperative,,"line\nbreak"',
      "",
    ]);
  });

  it("neutralises spreadsheet formulas in text but keeps numbers as numbers", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe('"\'\rcmd"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("Acme")).toBe("Acme");
  });
});

describe("metricRowsToCsv", () => {
  it("writes the rows behind a metric view with its sources and licence", () => {
    const metric = getMetric("share_36_months")!;
    const csv = metricRowsToCsv(
      metric,
      ["model"],
      [
        {
          dims: { model: "market-led" },
          value: 0.6,
          numerator: 3,
          denominator: 5,
          n: 5,
          total: 6,
          coverage: 5 / 6,
          suppressed: false,
          ciLow: 0.23,
          ciHigh: 0.88,
          q1: null,
          q3: null,
        },
      ],
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^# Source: .*Contracts Finder/);
    expect(lines[1]).toContain("Open Government Licence");
    expect(lines[3]).toBe(
      "model,model_label,value,numerator,denominator,n,total,coverage,suppressed,ci_low,ci_high,q1,q3",
    );
    expect(lines[4]).toBe(`market-led,Market-led,0.6,3,5,5,6,${5 / 6},false,0.23,0.88,,`);
  });
});
