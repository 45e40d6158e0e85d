/**
 * Council payment ledgers in the Local Government Transparency Code "spending over £500"
 * layout (Devon County Council's children's lines): one spend row per payment. Recognised
 * by header (Name of Body, Date, Amount, Supplier Name, Expense Type, Creditor Type); the
 * council comes from `Name of Body`, so another council's ledger in this layout also works.
 *
 * The ledger is large (29 MB), so DuckDB's read_csv does the work and the rows are inserted in
 * SQL (three times faster than appending them one by one); JS only maps council names and
 * expense types, and the frame counts each line kept or rejected. `period` is the payment month (`2011-01`), `year` the financial year it falls in
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
import { defineSource, sourceLabel } from "../source-frame.js";
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

/** Each ledger line with its reject reason (null when it was written), per file. */
type LedgerOutcomes = Map<string, { line: number; reason: string | null }[]>;

export const devonSpendIngester = defineSource<"spend", string | null, LedgerOutcomes>({
  id: DEVON_SPEND_SOURCE_ID,
  label: "Council spending over £500 (Devon, children's lines)",
  table: "spend",
  maxRejectRate: 0.02,
  async recognise(file) {
    if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
    const cells = headerCells((await readHead(file.path, 4096)).split(/\r?\n/)[0] ?? "");
    return REQUIRED.every((r) => cells.includes(r));
  },
  // Rows written in SQL, before the frame's table writer opens.
  async begin(ctx, files) {
    const outcomes: LedgerOutcomes = new Map();
    for (const file of files) {
      ctx.progress(`reading ${file.relativePath}`);
      outcomes.set(file.relativePath, await insertLedger(ctx, file, sourceLabel(ctx, DEVON_SPEND_SOURCE_ID)));
    }
    return outcomes;
  },
  open: (file, _ctx, outcomes) => ({
    records: (outcomes.get(file.relativePath) ?? []).map(({ line, reason }) => ({ line, record: reason })),
    // A kept line's row is already written: [] counts it kept without a second write.
    toRow: (reason) => (reason === null ? [] : { reject: reason }),
  }),
});

/**
 * Writes the ledger's payments into `spend` in SQL and returns every non-blank line with its
 * reject reason (NULL when it was written), in line order, for the frame to count.
 */
async function insertLedger(
  ctx: IngestContext,
  file: SourceFile,
  source: string,
): Promise<{ line: number; reason: string | null }[]> {
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
     SELECT line,
       trim("Name of Body") AS body,
       trim("Date") AS raw_date,
       coalesce(try_strptime(trim("Date"), '%Y-%m-%d %H:%M:%S'), try_strptime(trim("Date"), '%d/%m/%Y'),
                try_strptime(trim("Date"), '%Y-%m-%d'))::DATE AS paid,
       trim("Amount") AS raw_amount,
       try_cast(replace(replace(trim("Amount"), ',', ''), '£', '') AS DOUBLE) AS amount,
       nullif(trim("Supplier Name"), '') AS supplier_name,
       nullif(trim("Expense Type"), '') AS expense_type,
       nullif(trim("Creditor Type"), '') AS creditor_type
     FROM _ledger
     WHERE coalesce("Name of Body", "Date", "Amount", "Supplier Name", "Expense Type") IS NOT NULL`,
  );
  await decodeStoredText(c, "_ledger_parsed", ["body", "supplier_name", "expense_type", "creditor_type"]);
  const bodies = await queryRows<{ body: string | null }>(c, "SELECT DISTINCT body FROM _ledger_parsed");
  await c.run("CREATE OR REPLACE TEMP TABLE _ledger_body (body VARCHAR, la_code VARCHAR)");
  for (const { body } of bodies) {
    const code = councilCodeForName(body);
    if (body !== null && code) await c.run("INSERT INTO _ledger_body VALUES ($body, $code)", { body, code });
  }
  const types = await queryRows<{ t: string }>(
    c,
    "SELECT DISTINCT expense_type t FROM _ledger_parsed WHERE expense_type IS NOT NULL",
  );
  await c.run(
    "CREATE OR REPLACE TEMP TABLE _ledger_service (expense_type VARCHAR, service VARCHAR, service_rule VARCHAR, service_reason VARCHAR)",
  );
  for (const { t } of types) {
    const s = serviceColumns(t);
    if (s.service)
      await c.run("INSERT INTO _ledger_service VALUES ($t, $service, $rule, $reason)", {
        t,
        service: s.service,
        rule: s.service_rule,
        reason: s.service_reason,
      });
  }
  await c.run(
    `CREATE OR REPLACE TEMP TABLE _ledger_checked AS
     SELECT p.*, b.la_code,
       CASE
         WHEN b.la_code IS NULL THEN 'council ''' || coalesce(p.body, '') || ''' (Name of Body) not recognised'
         WHEN p.paid IS NULL THEN 'payment date ''' || coalesce(p.raw_date, '') || ''' not a date'
         WHEN p.amount IS NULL THEN 'amount ''' || coalesce(p.raw_amount, '') || ''' not a number'
       END AS reject_reason
     FROM _ledger_parsed p LEFT JOIN _ledger_body b USING (body)`,
  );
  await c.run(
    `INSERT INTO spend (la_code, period, year, source, service_line, service, service_rule, service_reason,
                        provider_ownership, supplier_name, supplier_category, amount_gbp, is_derived, source_file, source_line)
     SELECT k.la_code, strftime(k.paid, '%Y-%m'),
       (year(k.paid) + CASE WHEN month(k.paid) >= 4 THEN 1 ELSE 0 END)::INTEGER,
       $source, k.expense_type, s.service, s.service_rule, s.service_reason, NULL, k.supplier_name, k.creditor_type, k.amount, false, $file, k.line
     FROM _ledger_checked k LEFT JOIN _ledger_service s USING (expense_type)
     WHERE k.reject_reason IS NULL
     ORDER BY k.line`,
    { source, file: file.relativePath },
  );
  const lines = await queryRows<{ line: number; reason: string | null }>(
    c,
    "SELECT line, reject_reason AS reason FROM _ledger_checked ORDER BY line",
  );
  for (const t of ["_ledger", "_ledger_parsed", "_ledger_body", "_ledger_service", "_ledger_checked"])
    await c.run(`DROP TABLE ${t}`);
  return lines;
}
