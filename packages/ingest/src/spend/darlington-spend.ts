/**
 * Darlington Borough Council's transactions over £500 (ODI Leeds' cleaned monthly copies,
 * `YYYY-MM.csv`), source 'darlington-spend', la_code 841. Ten header variants share the
 * columns Directorate (spelt `Directotate`), Service, Supplier, `Invoice Line Value (net of
 * VAT)` and Account; from April 2017 the first two columns are unnamed, and the 2013 files
 * open with SQL lines, a title and a second header above the real one, so the header is
 * found by its columns anywhere in the first lines.
 *
 * Children's lines are chosen by Service, because the directorate `Children and Adults
 * Services` also holds adult social care: the services PROVENANCE lists (Childrens Services,
 * Children & Families, Service Director - Children's Services, EDUCATION) and `Childrens
 * Social Care` (the People directorate's children's service from 2017, where the external
 * placements are); every line of a children-only directorate (`Children's Services`,
 * `Children & Education Services`, 2010–2012) too. `Children and Adults`, a service of
 * both, is not selected.
 *
 * `period` is the month the file reports (its `Date` column, else the file name): the
 * Transaction Date of later files is often an earlier invoice date, and the first file,
 * dated "July 2010-September 2010", is filed under 2010-09. `Account` is the expense type.
 */
import { parseAmount } from "../csv.js";
import type { SourceFile, SourceIngester } from "../types.js";
import { type LedgerLayout, ledgerIngester } from "./ledger-csv.js";

export const DARLINGTON_SPEND_SOURCE_ID = "darlington-spend";

const AMOUNT = ["invoice line value (net of vat)", "invoice line value"];
const DIRECTORATE = ["directotate", "directorate"];

/** Services that are children's services, lower-cased. */
const CHILDREN_SERVICES = new Set([
  "childrens services",
  "childrens social care",
  "children & families",
  "service director - children's services",
  "education",
]);
/** Directorates that hold only children's services (2010–2012). */
const CHILDREN_DIRECTORATES = new Set(["children's services", "children & education services"]);

export function isDarlingtonChildrensLine(directorate: string | null, service: string | null): boolean {
  return (
    CHILDREN_SERVICES.has((service ?? "").toLowerCase()) || CHILDREN_DIRECTORATES.has((directorate ?? "").toLowerCase())
  );
}

/** The month a file reports: its `Date` cell when it is `YYYY-MM`, else the file name's. */
function reportedMonth(dateCell: string | null, file: SourceFile): string | null {
  if (dateCell && /^\d{4}-(0[1-9]|1[0-2])$/.test(dateCell)) return dateCell;
  const name = /(\d{4}-(0[1-9]|1[0-2]))\.csv$/i.exec(file.relativePath);
  return name?.[1] ?? null;
}

export const DARLINGTON_LAYOUT: LedgerLayout = {
  maxHeaderScan: 30,
  isHeader: (cells) =>
    DIRECTORATE.some((d) => cells.includes(d)) &&
    cells.includes("service") &&
    cells.includes("supplier") &&
    AMOUNT.some((a) => cells.includes(a)),
  readRecord(_record, col, file) {
    const directorate = col(...DIRECTORATE);
    const service = col("service");
    if (!isDarlingtonChildrensLine(directorate, service))
      return { outOfScope: `service '${service ?? ""}' (directorate '${directorate ?? ""}')` };
    const period = reportedMonth(col("date"), file);
    if (!period) return { reject: `no payment month: Date '${col("date") ?? ""}' and the file name give none` };
    const raw = col(...AMOUNT);
    const amount = parseAmount(raw);
    if (amount === null || amount === undefined) return { reject: `amount '${raw ?? ""}' is not a number` };
    return {
      payment: { period, amount, supplierName: col("supplier"), expenseType: col("account") },
    };
  },
};

export const darlingtonSpendIngester: SourceIngester = ledgerIngester({
  id: DARLINGTON_SPEND_SOURCE_ID,
  label: "Darlington Borough Council transactions over £500 (children's lines)",
  council: "Darlington",
  layout: DARLINGTON_LAYOUT,
  headBytes: 8192,
});
