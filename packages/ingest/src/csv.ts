/**
 * Reading the publishers' CSVs: the records come from @lens/core's one CSV reader (which keeps
 * each record's physical line for `file:line`); these helpers find headers and read cells.
 */
import { type CsvRecord, decodeHtmlEntities } from "@lens/core";

export { CsvError, type CsvRecord, parseCsv } from "@lens/core";

export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === "");
}

/** The non-blank records, each with its physical line: the records a source-frame file reads (blank ones are not counted). */
export function* dataRecords(records: Iterable<CsvRecord>): Generator<{ line: number; record: CsvRecord }> {
  for (const record of records) if (!isBlankRecord(record)) yield { line: record.line, record };
}

/** Normalises a header cell for matching: collapses whitespace and line breaks, lower-case. */
export function headerKey(cell: string): string {
  return cell.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Index of the first record whose cells include all `required` header names (case-insensitive). */
export function findHeaderIndex(records: readonly CsvRecord[], required: readonly string[], maxScan = 20): number {
  const want = required.map((r) => r.toLowerCase());
  for (let i = 0; i < Math.min(records.length, maxScan); i++) {
    const record = records[i];
    if (!record) continue;
    const keys = new Set(record.cells.map(headerKey));
    if (want.every((w) => keys.has(w))) return i;
  }
  return -1;
}

/** Turns a header record into a lookup from normalised name to column index (first wins). */
export function headerIndex(header: CsvRecord): Map<string, number> {
  const map = new Map<string, number>();
  header.cells.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key !== "" && !map.has(key)) map.set(key, i);
  });
  return map;
}

/** Reads a cell by any of several header names; trims; returns null for blank and NULL-like markers. */
export function cell(record: CsvRecord, columns: Map<string, number>, ...names: string[]): string | null {
  for (const name of names) {
    const idx = columns.get(name.toLowerCase());
    if (idx === undefined) continue;
    const raw = record.cells[idx];
    if (raw === undefined) return null;
    const v = decodeHtmlEntities(raw).trim();
    if (v === "" || v.toUpperCase() === "NULL") return null;
    return v;
  }
  return null;
}

/** dd/mm/yyyy (Ofsted, s251) or ISO yyyy-mm-dd → ISO date; undefined when unparseable. */
export function parseUkDate(value: string | null): string | null | undefined {
  if (value === null) return null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (uk) {
    const [, d, m, y] = uk;
    const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
    return isoDate(year, Number(m), Number(d));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A whole, non-negative number or null; undefined when the text is not a number. */
export function parseCount(value: string | null): number | null | undefined {
  if (value === null) return null;
  const cleaned = value.replace(/,/g, "");
  if (!/^\d+$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A money amount (may be negative, may have £ and commas) or null; undefined when not a number. */
export function parseAmount(value: string | null): number | null | undefined {
  if (value === null) return null;
  const cleaned = value.replace(/[£,\s]/g, "");
  if (cleaned === "") return null;
  const neg = /^\((.*)\)$/.exec(cleaned);
  const num = Number(neg ? `-${neg[1]}` : cleaned);
  return Number.isFinite(num) ? num : undefined;
}
