/**
 * Wakefield Metropolitan District Council's spend over £500 (Local Government Transparency
 * Code layout, ODI Leeds' cleaned quarterly copies), source 'wakefield-spend', la_code 384.
 * 2014–2018 files carry `Directorate`, `Purpose of Spend` (the expense type), `Net Amount`
 * (`Amount` in 2018-Q3) and the supplier's Companies House and Charity Commission numbers
 * under three spellings each; the 2021-Q4 file has a different layout (`Service` holds the
 * directorate code, `TT` = `GPC` on every row): index.json gives its source as the council's
 * "Procurement Card Transactions 2021-22 Quarter 4", not the ledger, so its rows are rejected
 * as card transactions rather than mixed into ledger totals.
 *
 * Children's lines are those of directorate `CHILDYOU`, as PROVENANCE documents. Registry
 * cells that hold no number ("Not yet available", "N/A", "Awaiting", "DETAILS REDACTED",
 * "EXEMPT") are NULL; the numbers are the strongest ownership evidence the classifier has.
 */
import { parseAmount } from "../csv.js";
import type { SourceIngester } from "../types.js";
import { type LedgerLayout, ledgerIngester, registryNumber } from "./ledger-csv.js";

export const WAKEFIELD_SPEND_SOURCE_ID = "wakefield-spend";

const UNIT = ["directorate", "service"];
const AMOUNT = ["net amount", "amount"];
const COMPANY = ["company registration", "company registraation number", "comp. reg. no"];
const CHARITY = ["charity registration", "charity registration number", "charity number"];

export const WAKEFIELD_LAYOUT: LedgerLayout = {
  maxHeaderScan: 3,
  isHeader: (cells) =>
    cells.includes("organisation name") &&
    cells.includes("supplier name") &&
    cells.includes("payment date") &&
    cells.includes("purpose of spend") &&
    UNIT.some((u) => cells.includes(u)) &&
    AMOUNT.some((a) => cells.includes(a)),
  readRecord(_record, col) {
    const organisation = col("organisation name");
    if (!/^wakefield\b/i.test(organisation ?? ""))
      return { reject: `organisation '${organisation ?? ""}' is not Wakefield Council` };
    if (col("tt")?.toUpperCase() === "GPC" || col("merchant category") !== null)
      return { notPayment: "purchasing-card transaction (procurement-card list, not the spend-over-£500 ledger)" };
    const unit = col(...UNIT);
    if (unit?.toUpperCase() !== "CHILDYOU") return { outOfScope: `directorate '${unit ?? ""}'` };
    const paid = col("payment date");
    const month = /^(\d{4})-(0[1-9]|1[0-2])-\d{2}$/.exec(paid ?? "");
    if (!month) return { reject: `payment date '${paid ?? ""}' is not a date` };
    const raw = col(...AMOUNT);
    const amount = parseAmount(raw);
    if (amount === null || amount === undefined) return { reject: `net amount '${raw ?? ""}' is not a number` };
    return {
      payment: {
        period: `${month[1]}-${month[2]}`,
        amount,
        supplierName: col("supplier name"),
        expenseType: col("purpose of spend"),
        companyNumber: registryNumber(col(...COMPANY)),
        charityNumber: registryNumber(col(...CHARITY)),
      },
    };
  },
};

export const wakefieldSpendIngester: SourceIngester = ledgerIngester({
  id: WAKEFIELD_SPEND_SOURCE_ID,
  label: "Wakefield Council spend over £500 (children's lines)",
  council: "Wakefield",
  layout: WAKEFIELD_LAYOUT,
  headBytes: 4096,
});
