/**
 * Reads Ofsted's own national time series from the official workbook
 * (`provider_at_march_2025.ods`): tables stacked vertically under "Table 6a: …" captions,
 * a header row, then one row per "as at" date; numbers are text with thousands separators.
 * Used by the comparison test (warehouse counts vs Ofsted's published counts) — not by the
 * build, which reads the provider-level CSVs.
 */
import { readOdsSheets } from "../ods.js";

export interface TimeSeriesTable {
  caption: string;
  /** Year of the 31 March "as at" date → column name → value (null when blank). */
  byYear: Map<number, Map<string, number | null>>;
}

/** "Monday, March 31, 2025", "31 March 2015 [Note 3]", "31-Mar-25" → 2025, 2015, 2025. */
export function yearOfAsAt(text: string): number | undefined {
  const long = /\b(20\d\d)\b/.exec(text);
  if (long) return Number(long[1]);
  const short = /^\d{1,2}-[A-Za-z]{3}-(\d\d)$/.exec(text.trim());
  return short ? 2000 + Number(short[1]) : undefined;
}

function number(text: string): number | null {
  const cleaned = text.replace(/,/g, "").trim();
  // "-" marks a provider type with no data at that date.
  if (cleaned === "" || cleaned === "-") return null;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) throw new Error(`not a number in the time series: '${text}'`);
  return n;
}

/** Every "Table …" in the named sheets, keyed by the caption's table id ("6a", "8c"). */
export function readOfstedTimeSeries(path: string, sheets: readonly string[]): Map<string, TimeSeriesTable> {
  const workbook = readOdsSheets(path, sheets);
  const tables = new Map<string, TimeSeriesTable>();
  for (const name of sheets) {
    const rows = workbook.get(name);
    if (!rows) throw new Error(`${path}: no sheet '${name}'`);
    for (let i = 0; i < rows.length; i++) {
      const caption = String(rows[i]?.[0] ?? "");
      const id = /^Table (\d+[a-z]?):/.exec(caption)?.[1];
      if (!id) continue;
      const header = (rows[i + 1] ?? []).map((h) => String(h).trim());
      const byYear = new Map<number, Map<string, number | null>>();
      for (let j = i + 2; j < rows.length; j++) {
        const row = rows[j] ?? [];
        const year = yearOfAsAt(String(row[0] ?? ""));
        if (year === undefined) break;
        const values = new Map<string, number | null>();
        header.forEach((h, k) => {
          if (k > 0 && h !== "" && h !== "Data type") values.set(h, number(String(row[k] ?? "")));
        });
        byYear.set(year, values);
      }
      tables.set(id, { caption, byYear });
    }
  }
  return tables;
}
