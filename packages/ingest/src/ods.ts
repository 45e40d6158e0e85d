/**
 * Reads the displayed text of named sheets of an OpenDocument spreadsheet (.ods): a zip whose
 * content.xml holds every sheet as <table:table> rows of cells. Only Ofsted's official workbook
 * needs this (no published CSV twin has its time-series sheets), so it is a small reader of its
 * own rather than a general spreadsheet library.
 *
 * A cell's text is what a spreadsheet shows: its paragraphs joined by newlines (so an empty first
 * paragraph is a leading line break, as the publisher's CSV export has it; <text:s/> is spaces,
 * <text:tab/> a tab), falling back to the stored value when there are no paragraphs.
 * Comments (<office:annotation>) are not cell text. Repeated rows and cells are expanded, but the
 * trailing empty ones every sheet pads itself with are not, so a row ends at its last non-empty
 * cell and a sheet at its last non-empty row. Sheet positions are kept: rows[i][j] is row i + 1,
 * column j + 1 (merged-away cells are empty strings).
 */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";

const TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/** LibreOffice's sheet size: a repeat past it is a malformed (or hostile) file, not data. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Expanded cells kept per sheet, and content.xml's size: bounds memory on a hostile file. */
const MAX_CELLS = 20_000_000;
const MAX_CONTENT_BYTES = 1 << 30;

export type OdsSheets = Map<string, string[][]>;

function attribute(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.uri === uri && a.local === local) return a.value;
  return undefined;
}

function repeat(tag: SaxesTagNS, local: string, limit: number, where: string): number {
  const raw = attribute(tag, TABLE_NS, local);
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > limit) throw new Error(`${where}: ${local}="${raw}" out of range`);
  return n;
}

/** Collects one sheet's rows, expanding repeats lazily so trailing padding costs nothing. */
class SheetBuilder {
  readonly rows: string[][] = [];
  private emptyRows = 0;
  private cells = 0;
  private row: string[] = [];
  private emptyCells = 0;
  private rowRepeat = 1;

  constructor(private readonly where: string) {}

  startRow(times: number): void {
    this.row = [];
    this.emptyCells = 0;
    this.rowRepeat = times;
  }

  cell(text: string, times: number): void {
    if (text === "") {
      this.emptyCells += times;
      return;
    }
    const end = this.row.length + this.emptyCells + times;
    if (end > MAX_COLUMNS) throw new Error(`${this.where}: a row runs past column ${MAX_COLUMNS}`);
    for (; this.emptyCells > 0; this.emptyCells--) this.row.push("");
    for (let k = 0; k < times; k++) this.row.push(text);
  }

  endRow(): void {
    if (this.row.length === 0) {
      this.emptyRows += this.rowRepeat;
      return;
    }
    const end = this.rows.length + this.emptyRows + this.rowRepeat;
    if (end > MAX_ROWS) throw new Error(`${this.where}: rows run past row ${MAX_ROWS}`);
    this.cells += this.row.length * this.rowRepeat;
    if (this.cells > MAX_CELLS) throw new Error(`${this.where}: more than ${MAX_CELLS} cells`);
    for (; this.emptyRows > 0; this.emptyRows--) this.rows.push([]);
    this.rows.push(this.row);
    // A repeated row is the same cells again; copies so a caller may edit one row.
    for (let k = 1; k < this.rowRepeat; k++) this.rows.push([...this.row]);
  }
}

/** The stored value of a cell that has no paragraphs (a spreadsheet shows that value). */
function storedValue(tag: SaxesTagNS): string {
  const type = attribute(tag, OFFICE_NS, "value-type");
  const local =
    type === "date"
      ? "date-value"
      : type === "time"
        ? "time-value"
        : type === "boolean"
          ? "boolean-value"
          : type === "string"
            ? "string-value"
            : "value";
  return type === undefined ? "" : (attribute(tag, OFFICE_NS, local) ?? "");
}

/** The displayed text of every cell of the named sheets that the workbook has (others are skipped). */
export function readOdsSheets(path: string, names: readonly string[]): OdsSheets {
  const wanted = new Set(names);
  let declared = 0;
  const content = unzipSync(readFileSync(path), {
    filter: (f) => {
      if (f.name !== "content.xml") return false;
      declared = f.originalSize;
      return true;
    },
  })["content.xml"];
  if (!content) throw new Error(`${path}: not an OpenDocument spreadsheet (no content.xml)`);
  if (declared > MAX_CONTENT_BYTES || content.length > MAX_CONTENT_BYTES)
    throw new Error(`${path}: content.xml is larger than ${MAX_CONTENT_BYTES} bytes`);

  const sheets: OdsSheets = new Map();
  const parser = new SaxesParser({ xmlns: true });
  let sheet: SheetBuilder | null = null;
  let sheetName = "";
  /** Inside a wanted sheet's cell: its paragraphs so far, or null outside a cell. */
  let paragraphs: string[] | null = null;
  let cellTag: SaxesTagNS | null = null;
  let cellRepeat = 1;
  let inParagraph = 0;
  let inAnnotation = 0;

  parser.on("opentag", (tag) => {
    if (tag.uri === TABLE_NS && tag.local === "table") {
      sheetName = attribute(tag, TABLE_NS, "name") ?? "";
      sheet = wanted.has(sheetName) ? new SheetBuilder(`${path}: sheet '${sheetName}'`) : null;
      return;
    }
    if (!sheet) return;
    if (tag.uri === OFFICE_NS && tag.local === "annotation") inAnnotation++;
    if (inAnnotation > 0) return;
    if (tag.uri === TABLE_NS) {
      if (tag.local === "table-row") sheet.startRow(repeat(tag, "number-rows-repeated", MAX_ROWS, path));
      else if (tag.local === "table-cell" || tag.local === "covered-table-cell") {
        paragraphs = [];
        cellTag = tag;
        cellRepeat = repeat(tag, "number-columns-repeated", MAX_COLUMNS, path);
      }
      return;
    }
    if (paragraphs === null || tag.uri !== TEXT_NS) return;
    if (tag.local === "p" || tag.local === "h") {
      if (inParagraph === 0) paragraphs.push("");
      inParagraph++;
    } else if (inParagraph > 0 && tag.local === "s") {
      const n = Number(attribute(tag, TEXT_NS, "c") ?? 1);
      // Same bound as a row: a space count is layout, never megabytes of text.
      appendText(" ".repeat(Number.isInteger(n) && n > 0 && n <= MAX_COLUMNS ? n : 1));
    } else if (inParagraph > 0 && tag.local === "tab") appendText("\t");
    else if (inParagraph > 0 && tag.local === "line-break") appendText("\n");
  });

  function appendText(text: string): void {
    if (paragraphs && inParagraph > 0 && inAnnotation === 0) paragraphs[paragraphs.length - 1] += text;
  }
  parser.on("text", appendText);
  parser.on("cdata", appendText);

  parser.on("closetag", (tag) => {
    if (!sheet) return;
    if (tag.uri === OFFICE_NS && tag.local === "annotation") {
      inAnnotation--;
      return;
    }
    if (inAnnotation > 0) return;
    if (tag.uri === TEXT_NS && (tag.local === "p" || tag.local === "h") && inParagraph > 0) inParagraph--;
    else if (tag.uri !== TABLE_NS) return;
    else if ((tag.local === "table-cell" || tag.local === "covered-table-cell") && paragraphs && cellTag) {
      const text = paragraphs.length > 0 ? paragraphs.join("\n") : storedValue(cellTag);
      sheet.cell(text, cellRepeat);
      paragraphs = null;
      cellTag = null;
    } else if (tag.local === "table-row") sheet.endRow();
    else if (tag.local === "table") {
      sheets.set(sheetName, sheet.rows);
      sheet = null;
    }
  });

  // Feed the XML in slices so no single string holds all of content.xml.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const SLICE = 1 << 20;
  for (let at = 0; at < content.length && sheets.size < wanted.size; at += SLICE)
    parser.write(decoder.decode(content.subarray(at, at + SLICE), { stream: true }));
  if (sheets.size < wanted.size) parser.write(decoder.decode()).close();
  return sheets;
}
