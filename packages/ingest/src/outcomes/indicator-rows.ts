/**
 * One row of `council_indicators` before source, file and line are attached, and an opened
 * indicator file: its records and what each becomes (its rows, or a reject with its reason).
 */
import type { CsvRecord } from "../csv.js";
import type { Area, NumberCell } from "./ees-area.js";

export interface IndicatorRow {
  indicator: string;
  year: number;
  area: Area;
  /** The file's sub-group (age band, children-looked-after group), as written; NULL when the file has none. */
  breakdown: string | null;
  /** What the row measures, in the file's words. */
  measure: string;
  /** Lens's value: a share 0–1 for rates and percentages, a count for counts. NULL when unknown. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The file's own figure for the row as written (a percentage in points, a rate, a count). */
  publishedValue: number | null;
  /** The suppression marker that leaves the value unknown (c, z, x, u, low…). */
  marker: string | null;
}

/** What one record becomes: its rows (a wide record gives several) or a reject with its reason. */
export type IndicatorOutcome = IndicatorRow[] | { reject: string };

/**
 * One indicator file, opened: its non-blank data records, each with its physical line, and
 * what each becomes. `R` is the file's CSV record, or an outcome worked out over the whole
 * file (a derived row needs its group's every record).
 */
export interface IndicatorFile<R = CsvRecord> {
  records: Iterable<{ line: number; record: R }>;
  read(record: R): IndicatorOutcome;
}

/** "Placed inside LA boundary more than 20 miles" → "placed_inside_la_boundary_more_than_20_miles". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** The identity of an area-year figure: one row per indicator, year, area and breakdown. */
export function rowKey(indicator: string, year: number, area: Area, breakdown: string | null): string {
  return [indicator, year, area.level, area.laCode ?? area.regionCode ?? "", breakdown ?? ""].join("|");
}

/**
 * Decimal figures as published, kept decimal: 13.7% → 0.137 and 769.2 + 125 → 894.2, not the
 * binary float neighbours (0.13699999999999998) a CSV export would otherwise print.
 */
const tidy = (x: number) => Number(x.toFixed(9));

export const percentToShare = (percent: number) => tidy(percent / 100);

export const sumOf = (xs: readonly number[]) => tidy(xs.reduce((s, x) => s + x, 0));

/** One published workforce rate and the FTE columns behind it (column names as the file writes them). */
export interface WorkforceRate {
  indicator: string;
  rate: string;
  numerator: string;
  /** FTE columns summed into the denominator. */
  denominator: readonly string[];
}

/**
 * The rows of one workforce record: each rate as DfE published it (a share, with the FTEs as
 * numerator and summed denominator). `cells` are keyed by the rates' column names; `measureOf`
 * names the measure as the file writes it (the SFR files suffix the year).
 */
export function workforceRateRows(
  record: { year: number; area: Area },
  rates: readonly WorkforceRate[],
  cells: ReadonlyMap<string, NumberCell>,
  measureOf: (rate: string) => string = (rate) => rate,
): IndicatorRow[] {
  return rates.map((r) => {
    const rate = cells.get(r.rate)!;
    const parts = r.denominator.map((c) => cells.get(c)!.number);
    return {
      indicator: r.indicator,
      year: record.year,
      area: record.area,
      breakdown: null,
      measure: measureOf(r.rate),
      value: rate.number === null ? null : percentToShare(rate.number),
      numerator: cells.get(r.numerator)!.number,
      denominator: parts.every((p) => p !== null) ? sumOf(parts as number[]) : null,
      publishedValue: rate.number,
      marker: rate.marker,
    };
  });
}
