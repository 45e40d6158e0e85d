/**
 * Salford City Council's expenditure over £500 (ODI Leeds' cleaned monthly copies), source
 * 'salford-spend', la_code 355. Fifteen header variants: the supplier is `Supplier Name` or
 * `Vendor Name`, the unit `Directorate` or `Service Area`, the expense type one of seven
 * spellings of the G/L description; two files head the amounts `Amount` over a second line
 * `Gross, VAT, Net`; one header starts with a BOM encoded twice and one with a BOM encoded
 * three times. The amount is `Net` (VAT is recoverable), the month the `Date of Payment`.
 *
 * Children's lines are those whose Directorate or Service Area names children (`Children's
 * Services`, `Children Services`, `People (Childrens) Service Group`, …), as PROVENANCE
 * documents, and one line whose directorate is misspelt `Chikdren's Services`. Rows with no
 * date, amount or supplier at all (a column of `#N/A` left below the data in some months) are
 * rejected as holding no payment.
 */
import { parseAmount } from "../csv.js";
import type { SourceIngester } from "../types.js";
import { type LedgerLayout, ledgerIngester } from "./ledger-csv.js";

export const SALFORD_SPEND_SOURCE_ID = "salford-spend";

const SUPPLIER = ["supplier name", "vendor name"];
const UNIT = ["directorate", "service area"];
/** The G/L description's spellings, the fuller text first (one file also has a short `G/L descript`). */
const EXPENSE_TYPE = [
  "g/l description.",
  "g/l description",
  "gl description",
  "g/l descripition",
  "description",
  "g/l descript",
  "g/l no.",
];

/** A unit naming children, including the one line of October 2012 filed under "Chikdren's Services". */
const CHILDREN_UNIT = /child|chikdren/i;

export const SALFORD_LAYOUT: LedgerLayout = {
  maxHeaderScan: 3,
  isHeader: (cells) =>
    cells.includes("authority name") &&
    cells.includes("date of payment") &&
    SUPPLIER.some((s) => cells.includes(s)) &&
    UNIT.some((u) => cells.includes(u)) &&
    (cells.includes("net") || cells.includes("amount")),
  isSubHeader: (cells) => cells.includes("gross") && cells.includes("net") && !cells.includes("authority name"),
  readRecord(_record, col) {
    const paid = col("date of payment");
    const raw = col("net", "amount");
    const supplierName = col(...SUPPLIER);
    if (paid === null && raw === null && supplierName === null)
      return { notPayment: "no payment in the row (no date, amount or supplier)" };
    const authority = col("authority name");
    if (authority !== null && !/^salford\b/i.test(authority))
      return { reject: `authority '${authority}' is not Salford City Council` };
    const unit = col(...UNIT);
    if (!CHILDREN_UNIT.test(unit ?? "")) return { outOfScope: `directorate '${unit ?? ""}'` };
    const month = /^(\d{4})-(0[1-9]|1[0-2])-\d{2}$/.exec(paid ?? "");
    if (!month) return { reject: `payment date '${paid ?? ""}' is not a date` };
    const amount = parseAmount(raw);
    if (amount === null || amount === undefined) return { reject: `net amount '${raw ?? ""}' is not a number` };
    return {
      payment: { period: `${month[1]}-${month[2]}`, amount, supplierName, expenseType: col(...EXPENSE_TYPE) },
    };
  },
};

export const salfordSpendIngester: SourceIngester = ledgerIngester({
  id: SALFORD_SPEND_SOURCE_ID,
  label: "Salford City Council expenditure over £500 (children's lines)",
  council: "Salford",
  layout: SALFORD_LAYOUT,
  headBytes: 4096,
});
