import { csvCell } from "@lens/core";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.js";

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
