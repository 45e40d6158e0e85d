/**
 * Council payment ledgers in the Local Government Transparency Code "spending over £500"
 * layout (Devon County Council's children's lines): one spend row per payment. Recognised
 * by header (Name of Body, Date, Amount, Supplier Name, Expense Type, Creditor Type); the
 * council comes from `Name of Body`, so another council's ledger in this layout also works.
 *
 * The ledger is large (29 MB), so DuckDB's read_csv parses it (dates, amounts, entities); JS
 * maps council names and expense types and makes the rows. `period` is the payment month (`2011-01`), `year` the financial year it falls in
 * (ending March, as in s251: a January 2011 payment is 2010-11 → 2011). `Creditor Type`
 * (LTD, CHTY, INDV, WGA, …) is kept in supplier_category as ownership evidence for the
 * classification step; provider_ownership stays NULL (a ledger line has no ownership split).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { councilCodeForName } from "@lens/core";
import { decodeStoredText } from "../decode-stored-text.js";
import { decodeBytes, readHead, sha256 } from "../files.js";
import { queryRows } from "../query.js";
import { defineSource } from "../source-frame.js";
import { type IngestContext, SourceError, type SourceFile } from "../types.js";
import { repairCp1252, serviceColumns } from "./spend-common.js";

export const DEVON_SPEND_SOURCE_ID = "devon-spend";

const REQUIRED = ["name of body", "date", "amount", "supplier name", "expense type", "creditor type"];

function headerCells(line: string): string[] {
  return line.split(",").map((c) =>
    c
      .replace(/^\uFEFF/, "")
      .replace(/^"|"$/g, "")
      .trim()
      .toLowerCase(),
  );
}

/**
 * A CSV DuckDB can read: UTF-8 files are read in place; Windows-1252 ones are transcoded
 * into the scratch folder first (DuckDB rejects them as "not latin-1").
 */
export async function duckReadablePath(ctx: IngestContext, file: SourceFile, bytes: Uint8Array): Promise<string> {
  const decoded = decodeBytes(bytes);
  if (decoded.encoding !== "windows-1252") return file.path;
  const out = join(ctx.scratchDir, `${sha256(file.relativePath).slice(0, 16)}.utf8.csv`);
  await writeFile(out, repairCp1252(decoded.text), "utf8");
  return out;
}

/** One ledger line as DuckDB parsed it: text trimmed and decoded, the date and amount cast (NULL when they are not). */
interface LedgerLine {
  line: number;
  body: string | null;
  raw_date: string | null;
  /** The payment month (`2011-01`) and the financial year it falls in. */
  period: string | null;
  year: number | null;
  raw_amount: string | null;
  amount: number | null;
  supplier_name: string | null;
  expense_type: string | null;
  creditor_type: string | null;
}

/** The ledger's lines, read by DuckDB (the file is 29 MB): one per non-blank record, in line order. */
async function readLedgerLines(ctx: IngestContext, file: SourceFile): Promise<LedgerLine[]> {
  const path = await duckReadablePath(ctx, file, await readFile(file.path));
  const c = ctx.connection;
  // Header on line 1 and no quoted line breaks in this layout: record n is physical line n + 1.
  // (Checked in the tests: 145,200 records, 145,201 lines.)
  try {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE _ledger AS
       SELECT (row_number() OVER () + 1)::INTEGER AS line, *
       FROM read_csv($path, header = true, quote = '"', escape = '"', delim = ',', all_varchar = true)`,
      { path },
    );
  } catch (error) {
    // DuckDB names the bad line ("Line: 12" or "line 12"); keep its first sentence as the reason.
    const message = (error as Error).message;
    const line = /\bline:?\s*(\d+)/i.exec(message)?.[1];
    throw new SourceError(file.relativePath, line ? Number(line) : null, message.split("\n")[0] ?? message);
  }
  await c.run(
    `CREATE OR REPLACE TEMP TABLE _ledger_parsed AS
     SELECT line, trim("Name of Body") AS body, trim("Date") AS raw_date, paid,
       strftime(paid, '%Y-%m') AS period,
       (year(paid) + CASE WHEN month(paid) >= 4 THEN 1 ELSE 0 END)::INTEGER AS year,
       trim("Amount") AS raw_amount,
       try_cast(replace(replace(trim("Amount"), ',', ''), '£', '') AS DOUBLE) AS amount,
       nullif(trim("Supplier Name"), '') AS supplier_name,
       nullif(trim("Expense Type"), '') AS expense_type,
       nullif(trim("Creditor Type"), '') AS creditor_type
     FROM (
       SELECT *, coalesce(try_strptime(trim("Date"), '%Y-%m-%d %H:%M:%S'), try_strptime(trim("Date"), '%d/%m/%Y'),
                          try_strptime(trim("Date"), '%Y-%m-%d'))::DATE AS paid
       FROM _ledger
       WHERE coalesce("Name of Body", "Date", "Amount", "Supplier Name", "Expense Type") IS NOT NULL
     )`,
  );
  await decodeStoredText(c, "_ledger_parsed", ["body", "supplier_name", "expense_type", "creditor_type"]);
  const lines = await queryRows<LedgerLine>(
    c,
    `SELECT line, body, raw_date, period, year, raw_amount, amount, supplier_name, expense_type, creditor_type
     FROM _ledger_parsed ORDER BY line`,
  );
  for (const t of ["_ledger", "_ledger_parsed"]) await c.run(`DROP TABLE ${t}`);
  return lines;
}

/** A lookup that computes each distinct key once (a ledger repeats a few hundred bodies and expense types). */
function memo<V>(compute: (key: string) => V): (key: string) => V {
  const seen = new Map<string, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, compute(key));
    return seen.get(key)!;
  };
}

export const devonSpendIngester = defineSource<"spend", LedgerLine>({
  id: DEVON_SPEND_SOURCE_ID,
  label: "Council spending over £500 (Devon, children's lines)",
  table: "spend",
  maxRejectRate: 0.02,
  async recognise(file) {
    if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
    const cells = headerCells((await readHead(file.path, 4096)).split(/\r?\n/)[0] ?? "");
    return REQUIRED.every((r) => cells.includes(r));
  },
  async open(file, ctx) {
    const records = (await readLedgerLines(ctx, file)).map((record) => ({ line: record.line, record }));
    const councilOf = memo((body) => councilCodeForName(body));
    const serviceOf = memo((expenseType) => serviceColumns(expenseType));
    return {
      records,
      toRow(l, { source, line }) {
        const laCode = l.body === null ? undefined : councilOf(l.body);
        if (!laCode) return { reject: `council '${l.body ?? ""}' (Name of Body) not recognised` };
        if (l.period === null || l.year === null) return { reject: `payment date '${l.raw_date ?? ""}' not a date` };
        if (l.amount === null) return { reject: `amount '${l.raw_amount ?? ""}' not a number` };
        const service =
          l.expense_type === null
            ? { service: null, service_rule: null, service_reason: null }
            : serviceOf(l.expense_type);
        return {
          la_code: laCode,
          period: l.period,
          year: l.year,
          source,
          service_line: l.expense_type,
          ...service,
          provider_ownership: null,
          supplier_name: l.supplier_name,
          supplier_category: l.creditor_type,
          amount_gbp: l.amount,
          is_derived: false,
          source_file: file.relativePath,
          source_line: line,
        };
      },
    };
  },
});
