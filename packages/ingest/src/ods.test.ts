import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";
import { readTextFile } from "./files.js";
import { readOdsSheets } from "./ods.js";
import { sharedDataDir } from "./testing/shared-data.js";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
].join(" ");

/** A workbook whose sheets are the given <table:table> bodies. */
function workbook(tables: Record<string, string>): Uint8Array {
  const body = Object.entries(tables)
    .map(([name, rows]) => `<table:table table:name="${name}">${rows}</table:table>`)
    .join("");
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
    "content.xml": strToU8(content),
  });
}

const cell = (text: string, attrs = "") =>
  `<table:table-cell office:value-type="string"${attrs}><text:p>${text}</text:p></table:table-cell>`;
const row = (cells: string, attrs = "") => `<table:table-row${attrs}>${cells}</table:table-row>`;
/** The padding a spreadsheet application writes after the data: empty cells and rows by the thousand. */
const padCells = '<table:table-cell table:number-columns-repeated="16000"/>';
const padRows = row(padCells, ' table:number-rows-repeated="1048000"');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-ods-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function read(tables: Record<string, string>, names: string[]) {
  const path = join(dir, `${names.join("-")}-${Math.random().toString(36).slice(2)}.ods`);
  await writeFile(path, workbook(tables));
  return readOdsSheets(path, names);
}

describe("readOdsSheets", () => {
  it("keeps sheet positions, expands repeats and drops the trailing padding", async () => {
    const sheets = await read(
      {
        Cover: row(cell("not asked for")),
        Data: [
          row(cell("Table 1: caption") + padCells),
          row(padCells), // a blank row between tables stays a blank row
          row(
            `<table:table-cell table:number-columns-repeated="2"/>${cell("c", ' table:number-columns-repeated="2"')}`,
          ),
          row(cell("same"), ' table:number-rows-repeated="2"'),
          padRows,
        ].join(""),
      },
      ["Data", "Missing"],
    );
    expect([...sheets.keys()]).toEqual(["Data"]);
    expect(sheets.get("Data")).toEqual([["Table 1: caption"], [], ["", "", "c", "c"], ["same"], ["same"]]);
  });

  it("reads a cell as displayed: paragraphs on lines, <text:s/> as spaces, no comments, value when no text", async () => {
    const sheets = await read(
      {
        S: row(
          [
            "<table:table-cell><text:p/><text:p>Second <text:span>line</text:span></text:p></table:table-cell>",
            '<table:table-cell><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p></table:table-cell>',
            "<table:table-cell><office:annotation><text:p>a comment</text:p></office:annotation><text:p>3,059</text:p></table:table-cell>",
            '<table:table-cell office:value-type="float" office:value="42"/>',
            '<table:table-cell table:number-columns-spanned="2"><text:p>merged</text:p></table:table-cell><table:covered-table-cell/>',
            cell("after"),
          ].join(""),
        ),
      },
      ["S"],
    );
    expect(sheets.get("S")).toEqual([["\nSecond line", "a   b\tc\nd", "3,059", "42", "merged", "", "after"]]);
  });

  it("refuses repeats past the sheet size instead of expanding them", async () => {
    await expect(read({ S: row(cell("x", ' table:number-columns-repeated="20000"')) }, ["S"])).rejects.toThrow(
      /number-columns-repeated="20000" out of range/,
    );
    await expect(read({ S: row(cell("x"), ' table:number-rows-repeated="1048577"') }, ["S"])).rejects.toThrow(
      /out of range/,
    );
    await expect(read({ S: row(padCells + cell("x", ' table:number-columns-repeated="400"')) }, ["S"])).rejects.toThrow(
      /past column 16384/,
    );
  });

  it("says when a file is not an OpenDocument spreadsheet", async () => {
    const path = join(dir, "not.ods");
    await writeFile(path, zipSync({ "readme.txt": strToU8("hello") }));
    expect(() => readOdsSheets(path, ["S"])).toThrow(/not an OpenDocument spreadsheet/);
  });
});

const DATA = sharedDataDir();

describe.skipIf(DATA === null)("Ofsted's 2025 workbook", () => {
  it("reads the provider sheet exactly as the published CSV export of it (5,604 rows, header on row 4)", async () => {
    const folder = join(DATA!, "ofsted-providers");
    const sheet = readOdsSheets(join(folder, "provider_at_march_2025.ods"), ["Provider_level_at_31_Mar_2025"]).get(
      "Provider_level_at_31_Mar_2025",
    )!;
    const csv = parseCsv((await readTextFile(join(folder, "provider_at_march_2025.csv"))).text).map((r) => {
      const cells = [...r.cells];
      while (cells.at(-1) === "") cells.pop();
      return cells;
    });
    expect(sheet.length).toBe(5604);
    expect(sheet[3]?.slice(0, 2)).toEqual(["Web link", "URN"]);
    // The header cell with an empty first paragraph reads with its leading line break, as exported.
    expect(sheet[3]).toContain("\nOverall experiences and progress of children and young people");
    expect(sheet).toEqual(csv);
  }, 60_000);
});
