/**
 * Devon County Council's "grants to the community and voluntary sector" (grants paid 2014 …
 * 2017): one spend row per grant, source 'devon-grants', la_code 878 (the layout has no
 * council column; it is Devon's own publication). Recognised by its header (Grant
 * Beneficiary, Purpose of Grant, Date Grant Awarded, Amount). `period` is the award month,
 * `year` the financial year it falls in (ending March). Dates come in many shapes
 * (5/4/2012, 28/08/12, 10.3.2017, 09-Mar-2017, Mar-2017, 01 March 2017): a date that fits
 * none is a reject with the text.
 */
import { type CsvRecord, cell, dataRecords, parseAmount } from "../csv.js";
import { defineSource } from "../source-frame.js";
import { csvHeaderHas, readSpendCsv, serviceColumns } from "./spend-common.js";

export const DEVON_GRANTS_SOURCE_ID = "devon-grants";
const DEVON_LA_CODE = "878";
const REQUIRED = ["grant beneficiary", "purpose of grant", "date grant awarded", "amount"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Year and month of an award date in any of the shapes the files use; undefined if none fits. */
export function parseAwardMonth(
  text: string,
  monthFirst: ReadonlySet<number> = new Set(),
): { year: number; month: number } | undefined {
  const t = text.trim();
  const fix = (y: number) => (y < 100 ? 2000 + y : y);
  let m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(t);
  if (m) return valid(fix(Number(m[3])), Number(monthFirst.has(m[3]!.length) ? m[1] : m[2]));
  m = /^(?:(\d{1,2})[- ])?([A-Za-z]{3,9})[- ](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? valid(fix(Number(m[3])), month) : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]));
  return undefined;
}

/**
 * grants_paid_2014.csv writes 4-digit-year dates month first (11/27/2014) and 2-digit-year
 * dates day first (28/02/13); the other files are day first. So the order is decided per file
 * and per date shape (2- or 4-digit year): month first when some date of that shape is
 * impossible day first and none is impossible month first. Returns the shapes read month first.
 */
export function monthFirstShapes(dates: readonly string[]): Set<number> {
  const impossible = new Map<number, { dayFirst: number; monthFirst: number }>();
  for (const d of dates) {
    const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(d.trim());
    if (!m) continue;
    const shape = m[3]!.length;
    const n = impossible.get(shape) ?? { dayFirst: 0, monthFirst: 0 };
    if (Number(m[2]) > 12) n.dayFirst++;
    if (Number(m[1]) > 12) n.monthFirst++;
    impossible.set(shape, n);
  }
  return new Set([...impossible].filter(([, n]) => n.dayFirst > 0 && n.monthFirst === 0).map(([shape]) => shape));
}

function valid(year: number, month: number): { year: number; month: number } | undefined {
  return month >= 1 && month <= 12 && year >= 1990 && year <= 2100 ? { year, month } : undefined;
}

export const devonGrantsIngester = defineSource<"spend", CsvRecord>({
  id: DEVON_GRANTS_SOURCE_ID,
  label: "Devon County Council grants to the voluntary and community sector",
  table: "spend",
  maxRejectRate: 0.05,
  recognise: (file) => csvHeaderHas(file, REQUIRED, 4096),
  async open(file) {
    const { columns, records } = await readSpendCsv(file, REQUIRED);
    const monthFirst = monthFirstShapes(records.map((r) => cell(r, columns, "date grant awarded") ?? ""));
    return {
      records: dataRecords(records),
      toRow(record, { source, line }) {
        const rawDate = cell(record, columns, "date grant awarded");
        const when = rawDate ? parseAwardMonth(rawDate, monthFirst) : undefined;
        const rawAmount = cell(record, columns, "amount");
        const amount = parseAmount(rawAmount);
        const beneficiary = cell(record, columns, "grant beneficiary")?.replace(/\s+/g, " ") ?? null;
        if (!when) return { reject: `award date '${rawDate ?? ""}' is not a date` };
        if (amount === undefined) return { reject: `amount '${rawAmount}' is not a number` };
        const purpose = cell(record, columns, "purpose of grant");
        return {
          la_code: DEVON_LA_CODE,
          period: `${when.year}-${String(when.month).padStart(2, "0")}`,
          year: when.month >= 4 ? when.year + 1 : when.year,
          source,
          service_line: cell(record, columns, "service"),
          ...serviceColumns(purpose),
          supplier_name: beneficiary,
          // A grants register says how the money was given; the classifier reads this, not the source id.
          arrangement: "grant",
          amount_gbp: amount,
          is_derived: false,
          source_file: file.relativePath,
          source_line: line,
        };
      },
    };
  },
});
