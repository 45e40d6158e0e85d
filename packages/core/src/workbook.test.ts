import { describe, expect, it } from "vitest";
import { workbookSheets, workbookValue } from "./workbook.js";

describe("workbook layout", () => {
  it("keeps numbers as numbers, leaves missing cells empty (never 0) and joins lists", () => {
    expect([0, -2.5, Number.NaN, Number.POSITIVE_INFINITY, null, undefined].map(workbookValue)).toEqual([
      0,
      -2.5,
      null,
      null,
      null,
      null,
    ]);
    expect(workbookValue(["a", "b"])).toBe("a; b");
    expect(workbookValue(false)).toBe(false);
    // A formula-looking text stays text: the library writes text cells, never formulas.
    expect(workbookValue("=1+1")).toBe("=1+1");
  });

  it("writes a Data sheet with a bold, sticky header and an About sheet of label/value rows", () => {
    const [data, about] = workbookSheets(["Model", "n"], [["Market-led", 12]], [["Title", "A chart"]], 22);
    expect(data).toEqual({
      sheet: "Data",
      data: [
        [
          { value: "Model", fontWeight: "bold" },
          { value: "n", fontWeight: "bold" },
        ],
        ["Market-led", 12],
      ],
      stickyRowsCount: 1,
    });
    expect(about?.sheet).toBe("About");
    expect(about?.data).toEqual([
      [
        { value: "Title", fontWeight: "bold", alignVertical: "top" },
        { value: "A chart", wrap: true },
      ],
    ]);
    expect(about?.columns).toEqual([{ width: 22 }, { width: 110 }]);
  });
});
