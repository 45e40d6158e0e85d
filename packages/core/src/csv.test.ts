import { describe, expect, it } from "vitest";
import { BOM, CsvError, csvCell, csvLine, guardFormula, parseCsv, readCsvExport } from "./csv.js";

describe("csvCell", () => {
  it("guards text a spreadsheet would run as a formula, and only text", () => {
    for (const v of ["=1+1", "+1", "-x", "@SUM(A1)", "\tx"]) expect(csvCell(v)).toBe(`'${v}`);
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell(-3)).toBe("-3");
    expect(guardFormula("Acme")).toBe("Acme");
  });

  it("writes missing as empty (never 0), booleans as words and an object as guarded JSON", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell({ value: 1, ciLow: null })).toBe('"{""value"":1,""ciLow"":null}"');
  });

  it("leaves the guard off for files that stand in for a publisher's", () => {
    expect(csvCell("-5 to -1", { guard: false })).toBe("-5 to -1");
    expect(csvLine(["=x", "a,b"], { guard: false })).toBe('=x,"a,b"');
  });
});

describe("parseCsv", () => {
  it("reads quoted commas, quotes and line breaks, and keeps each record's first physical line", () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\nlast,');
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"'] },
      { line: 3, cells: ["two\nlines", "z"] },
      { line: 5, cells: ["last", ""] },
    ]);
  });

  it("treats a quote inside text as text, and fails on an unterminated quoted field", () => {
    expect(parseCsv('5" screen,x')[0]?.cells).toEqual(['5" screen', "x"]);
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvError);
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(/line 2: unterminated/);
  });

  it("reads back what csvLine writes", () => {
    const values = ["=cmd", "a,b", 'q"q', "line\nbreak", ""];
    expect(parseCsv(csvLine(values, { guard: false }))[0]?.cells).toEqual(values);
  });
});

describe("readCsvExport", () => {
  it("drops the byte-order mark and sets the leading # lines apart whole, even with a quote in them", () => {
    const text = `${BOM}# Source: Ofsted, "providers" list, 2025\r\n# Licence: OGL v3.0\r\nmodel,value\r\nmarket-led,0.5\r\n`;
    expect(readCsvExport(text)).toEqual({
      comments: ['# Source: Ofsted, "providers" list, 2025', "# Licence: OGL v3.0"],
      header: ["model", "value"],
      rows: [["market-led", "0.5"]],
    });
  });

  it("reads a file with no comments and no rows", () => {
    expect(readCsvExport("a,b\r\n")).toEqual({ comments: [], header: ["a", "b"], rows: [] });
    expect(readCsvExport("")).toEqual({ comments: [], header: [], rows: [] });
  });
});
