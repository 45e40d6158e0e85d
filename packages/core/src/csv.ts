/**
 * The one CSV module (RFC 4180): the cell writer with its formula guard, and the reader. The
 * exports (server and page), the data API, the table downloads and the sample generator write
 * with it; the ingest and every test that reads a CSV back read with it. No CSV library is a
 * dependency, and the format is small enough that one tested module is safer than several.
 *
 * Formula guard: a text cell that a spreadsheet would run as a formula (starting with = + - @,
 * tab or carriage return) gets a leading apostrophe, so it shows as text. Numbers are written
 * as numbers: a negative number is data, not a formula. The sample generator turns the guard
 * off, because its files stand in for publishers' own files, which carry no apostrophes.
 */

/** The UTF-8 byte-order mark, so Excel reads "£" and "≥" in a spreadsheet CSV. */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text value a spreadsheet will not run as a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvWriteOptions {
  /** Apostrophe before text a spreadsheet would run as a formula (default true). */
  guard?: boolean;
}

/**
 * One cell: empty for null, undefined and non-finite numbers (missing, never 0); numbers and
 * booleans as they are; an object as its JSON; quoted only when it holds a quote, a comma or
 * a line break.
 */
export function csvCell(value: unknown, options: CsvWriteOptions = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const raw = typeof value === "object" ? JSON.stringify(value) : String(value);
  const text = options.guard === false ? raw : guardFormula(raw);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, comma-separated (no line ending). */
export function csvLine(values: readonly unknown[], options: CsvWriteOptions = {}): string {
  return values.map((v) => csvCell(v, options)).join(",");
}

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * Reads CSV text into records, keeping the physical line each record starts on, so a rejected
 * row can be traced to `file:line` even when quoted fields contain line breaks. A quote opens a
 * quoted field only at the start of a field (a stray quote inside text is text, as spreadsheet
 * exports write it); an unterminated quoted field is an error, not a silently short file.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ",") {
      cells.push(field);
      field = "";
      fieldStarted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(field);
      records.push({ line: recordLine, cells });
      cells = [];
      field = "";
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new CsvError(recordLine, "unterminated quoted field (file truncated?)");
  if (field !== "" || cells.length > 0) {
    cells.push(field);
    records.push({ line: recordLine, cells });
  }
  return records;
}

/**
 * Reads one of our own exports back: a leading byte-order mark dropped, the leading "# " lines
 * (source, licence, notes) set apart as comments, then the header and rows. Comment lines are
 * taken as whole lines, never parsed as cells: a quote in a note must not swallow the table.
 */
export function readCsvExport(text: string): { comments: string[]; header: string[]; rows: string[][] } {
  let rest = text.startsWith(BOM) ? text.slice(1) : text;
  const comments: string[] = [];
  while (rest.startsWith("#")) {
    const end = rest.indexOf("\n");
    comments.push((end === -1 ? rest : rest.slice(0, end)).replace(/\r$/, ""));
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  const [header, ...rows] = parseCsv(rest).map((r) => r.cells);
  return { comments, header: header ?? [], rows };
}
