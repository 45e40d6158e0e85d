/**
 * The frame shared by the council "spending over £500" ledgers that are read row by row
 * (Darlington, Salford, Wakefield): the header is found by content (a file may open with
 * SQL lines and a title above a second header), header names are cleaned of BOMs that were
 * encoded twice and of C1 control characters, and every non-blank record ends as exactly one
 * of: a spend row, a line outside children's services, a line that is no payment, or a
 * malformed row. All but the first are rejects with their reason (lines outside children's
 * services start "out of scope"), so a file's read = kept + rejected holds and
 * nothing leaves without a trace; too many malformed rows fail the file (a changed layout).
 */
import { councilCodeForName } from "@lens/core";
import { type CsvRecord, dataRecords, headerKey, parseCsv } from "../csv.js";
import { readHead } from "../files.js";
import { defineSource, type OpenedFile } from "../source-frame.js";
import { SourceError, type SourceFile, type SourceIngester } from "../types.js";
import { readSourceText, serviceColumns } from "./spend-common.js";

/** One payment read from a ledger line, before it becomes a spend row. */
export interface LedgerPayment {
  /** The payment month, `YYYY-MM`. */
  period: string;
  amount: number;
  supplierName: string | null;
  /** The ledger's expense type (account, G/L description, purpose of spend): the service evidence. */
  expenseType: string | null;
  companyNumber?: string | null;
  charityNumber?: string | null;
}

/**
 * What a council's reader says about one record: a payment; a line outside children's
 * services; a line that is no ledger payment at all (spreadsheet debris, a card transaction),
 * rejected with its reason but not counted as malformed; or a malformed payment.
 */
export type LedgerVerdict =
  | { payment: LedgerPayment }
  | { outOfScope: string }
  | { notPayment: string }
  | { reject: string };

/** Looks a column up by any of its names (as cleanLedgerHeader leaves them); trimmed, blank → null. */
export type LedgerColumn = (...names: string[]) => string | null;

export interface LedgerLayout {
  /** Lines searched for the header (Darlington's SQL preamble is 18 lines). */
  maxHeaderScan: number;
  /** Whether a cleaned header row is this ledger's header. */
  isHeader(cells: readonly string[]): boolean;
  /**
   * Whether the record right after the header is a second header line naming some columns
   * (Salford's `Amount` over `Gross, VAT, Net`): its names replace those cells' and it is not
   * a data row.
   */
  isSubHeader?(cells: readonly string[]): boolean;
  readRecord(record: CsvRecord, col: LedgerColumn, file: SourceFile): LedgerVerdict;
}

/**
 * A file fails when more than this share of its rows are malformed (lines outside children's
 * services and lines that are no payment do not count) and there are more than
 * MAX_MALFORMED_ROWS of them: a few bad lines are data, a share of a whole file is a layout.
 */
export const MAX_MALFORMED_SHARE = 0.02;
export const MAX_MALFORMED_ROWS = 10;

/**
 * Prefix of every reject reason for a line that is not children's services (no apostrophe:
 * the build groups reasons by what lies outside quotes).
 */
export const OUT_OF_SCOPE = "out of scope";

/**
 * A header cell as a lookup key: a BOM (U+FEFF), a BOM encoded twice (`ï»¿`) or three times
 * (`Ã¯»¿`) and C1 control characters (bytes of a `’` that lost its lead byte) removed; then
 * headerKey's whitespace and case folding. The file's bytes are not changed, only the key.
 */
export function cleanLedgerHeader(cell: string): string {
  return headerKey(
    cell
      .replace(/^(?:\uFEFF|ï»¿|Ã¯Â»Â¿|Ã¯»¿)+/, "")
      .replace(/[\u0080-\u009f]/g, "")
      .replace(/^"|"$/g, ""),
  );
}

/** Index of the first record (within `maxScan`) that `isHeader` accepts, or -1. */
export function findLedgerHeader(
  records: readonly CsvRecord[],
  isHeader: (cells: readonly string[]) => boolean,
  maxScan: number,
): number {
  for (let i = 0; i < Math.min(records.length, maxScan); i++) {
    const record = records[i];
    if (record && isHeader(record.cells.map(cleanLedgerHeader))) return i;
  }
  return -1;
}

/** Whether the first lines of a file hold this ledger's header (for discovery). */
export function textHasLedgerHeader(text: string, layout: Pick<LedgerLayout, "isHeader" | "maxHeaderScan">): boolean {
  // Only whole lines: the last one in a read head may be cut.
  const lines = text.split(/\r?\n/).slice(0, layout.maxHeaderScan);
  return lines.some((line) => {
    try {
      const [record] = parseCsv(line);
      return record !== undefined && layout.isHeader(record.cells.map(cleanLedgerHeader));
    } catch {
      return false;
    }
  });
}

/** The financial year (ending March) of a `YYYY-MM` month: January 2011 → 2011, April 2011 → 2012. */
export function financialYearOfMonth(period: string): number {
  const [y, m] = period.split("-").map(Number);
  return (m ?? 0) >= 4 ? (y ?? 0) + 1 : (y ?? 0);
}

/**
 * A registry number as the ledger writes it, or null for the cells that hold none ("Not yet
 * available", "N/A", "Awaiting", "DETAILS REDACTED", "EXEMPT"): a value counts only when it
 * has a digit. Kept as written otherwise (Wakefield's file has "N/A" in place of some zeros).
 */
export function registryNumber(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  return /\d/.test(v) ? v : null;
}

/**
 * Opens one ledger file for the frame: finds its header (and sub-header), then reads each
 * non-blank record into a `spend` row for `laCode` or a reject with its reason. Once every
 * record is read, too many malformed ones fail the file.
 */
async function openLedgerFile(
  file: SourceFile,
  layout: LedgerLayout,
  laCode: string,
): Promise<OpenedFile<"spend", CsvRecord>> {
  const records = parseCsv(await readSourceText(file.path));
  const h = findLedgerHeader(records, layout.isHeader, layout.maxHeaderScan);
  if (h < 0) throw new SourceError(file.relativePath, 1, "ledger header not found");
  const columns = new Map<string, number>();
  records[h]!.cells.forEach((cell, i) => {
    const key = cleanLedgerHeader(cell);
    // Wakefield repeats names (two "Procurement Classification"): the first is the one read.
    if (key !== "" && !columns.has(key)) columns.set(key, i);
  });
  let first = h + 1;
  const next = records[first];
  if (next && layout.isSubHeader?.(next.cells.map(cleanLedgerHeader))) {
    next.cells.forEach((cell, i) => {
      const key = cleanLedgerHeader(cell);
      if (key !== "") columns.set(key, i);
    });
    first++;
  }
  let read = 0;
  let malformed = 0;
  const reasons = new Map<string, number>();
  function* body() {
    for (const numbered of dataRecords(records.slice(first))) {
      read++;
      yield numbered;
    }
    if (malformed > MAX_MALFORMED_ROWS && malformed / read > MAX_MALFORMED_SHARE) {
      const top = [...reasons].sort((a, b) => b[1] - a[1])[0];
      throw new SourceError(
        file.relativePath,
        null,
        `${malformed} of ${read} rows malformed (more than ${MAX_MALFORMED_SHARE * 100}%: the layout may have changed); most often: ${top?.[0] ?? ""}`,
      );
    }
  }
  return {
    records: body(),
    toRow(record, { source, line }) {
      const col: LedgerColumn = (...names) => {
        for (const name of names) {
          const i = columns.get(name);
          if (i === undefined) continue;
          const v = record.cells[i]?.trim() ?? "";
          return v === "" ? null : v;
        }
        return null;
      };
      const verdict = layout.readRecord(record, col, file);
      if ("outOfScope" in verdict) return { reject: `${OUT_OF_SCOPE}: ${verdict.outOfScope}` };
      if ("notPayment" in verdict) return { reject: verdict.notPayment };
      if ("reject" in verdict) {
        malformed++;
        reasons.set(verdict.reject, (reasons.get(verdict.reject) ?? 0) + 1);
        return verdict;
      }
      const p = verdict.payment;
      return {
        la_code: laCode,
        period: p.period,
        year: financialYearOfMonth(p.period),
        source,
        service_line: p.expenseType,
        ...serviceColumns(p.expenseType),
        provider_ownership: null,
        supplier_name: p.supplierName,
        supplier_company_number: p.companyNumber ?? null,
        supplier_charity_number: p.charityNumber ?? null,
        amount_gbp: p.amount,
        is_derived: false,
        source_file: file.relativePath,
        source_line: line,
      };
    },
  };
}

/**
 * A council ledger source: its files are the CSVs whose head holds the layout's header, and
 * every file is read into `spend` for that one council.
 */
export function ledgerIngester(spec: {
  id: string;
  label: string;
  /** The council's name as the council list spells it. */
  council: string;
  layout: LedgerLayout;
  /** Bytes read to find the header (preambles push it down in some files). */
  headBytes: number;
}): SourceIngester {
  return defineSource<"spend", CsvRecord, string>({
    id: spec.id,
    label: spec.label,
    table: "spend",
    // Lines outside children's services are rejects with that reason (two or three in four).
    maxRejectRate: 0.9,
    recognise: async (file) =>
      file.relativePath.toLowerCase().endsWith(".csv") &&
      textHasLedgerHeader(await readHead(file.path, spec.headBytes), spec.layout),
    begin() {
      const laCode = councilCodeForName(spec.council);
      if (!laCode) throw new Error(`${spec.council} is missing from the council list`);
      return laCode;
    },
    open: (file, _ctx, laCode) => openLedgerFile(file, spec.layout, laCode),
  });
}
