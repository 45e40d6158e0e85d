/**
 * Salford City Council's contracts register (July 2022, Local Government Transparency Code
 * layout, copied from ODI Leeds' council-spending-data): one row per contract in force
 * (stage 'register'), buyer Salford City Council on every row. The `Purchasing Body` column
 * names who ran the procurement (Salford itself, or a consortium such as STAR or ESPO whose
 * framework Salford calls off), not the buyer, so it is not the buyer_name.
 *
 * Read into contracts: `Process Used` as the procedure (CSO Exception, ITT, Mini-Comp, RFQ,
 * Direct Call-Off, Other), the `OJEU/FTS?` flag (`Noo` once, read as No; blank unknown),
 * `Total Contract Value (including extensions)` as the value, start and end dates, the stated
 * `Contract Duration (months)` (the initial term), the extension option in months, how many
 * extensions are allowed and how many were taken, and the current expiry date. `TBC`, `X`,
 * `-` and `N/A` are unknown; any other unreadable date rejects the row, as for Norfolk.
 * Scope: the register has no CPV codes and no children's directorate, so core's
 * childrensScope reads the ProClass description (as the register's category), the title and
 * the description.
 */
import { childrensScope, classifyBuyer } from "@lens/core/classify";
import {
  type ContractRow,
  cleanText,
  knownMoney,
  parseContractDate,
  parseYesNo,
  scopeReason,
} from "./contract-rows.js";
import { csvContractSource } from "./tabular.js";

export const SALFORD_REGISTER_SOURCE_ID = "salford-register";

const HEADER = ["Process Used", "Contract Title", "Supplier Company Name", "OJEU/FTS?", "How many extensions"];
const BUYER = "Salford City Council";
const UNKNOWN = /^(tbc|x|-|n\/?a)$/i;

/** The register's columns beyond the common contract row (docs/warehouse.md, contracts). */
export interface RegisterTermsRow extends ContractRow {
  ojeu_advertised: boolean | null;
  initial_term_months: number | null;
  extension_option_months: number | null;
  extensions_allowed: number | null;
  extensions_taken: number | null;
  current_expiry_date: string | null;
}

/** A date, null when blank or a placeholder; undefined when unreadable. */
function registerDate(value: string | null): string | null | undefined {
  if (value === null || UNKNOWN.test(value)) return null;
  return parseContractDate(value);
}

/** A non-negative number of months or extensions; null when blank, a placeholder or not a number. */
function registerNumber(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : null;
}

/** `Noo` (one row) is a typing slip for No. */
function ojeuFlag(value: string | null): boolean | null {
  if (value !== null && /^no+$/i.test(value.trim())) return false;
  return parseYesNo(value) ?? null;
}

/**
 * Extensions taken: the number of `Extension n Taken?` cells that say Yes; 0 when the
 * register allows none; null when every cell is blank (not yet due, or not said).
 */
function extensionsTaken(allowed: number | null, cells: readonly (string | null)[]): number | null {
  if (allowed === 0) return 0;
  if (cells.every((c) => c === null)) return null;
  return cells.filter((c) => c !== null && /^yes$/i.test(c)).length;
}

export const salfordRegisterIngester = csvContractSource({
  id: SALFORD_REGISTER_SOURCE_ID,
  label: "Salford City Council contracts register",
  maxRejectRate: 0.05,
  header: HEADER,
  toContract(_record, col, { source, file, line }) {
    const buyer = classifyBuyer(BUYER);
    const laCode = buyer.laCode;
    const dates: (string | null)[] = [];
    for (const name of ["Start Date", "End Date", "Current Expiry Date"]) {
      const d = registerDate(col(name));
      if (d === undefined) return { reject: `unreadable ${name} "${col(name)}"` };
      dates.push(d);
    }
    // "\n" written out as two characters inside a supplier name is a line break.
    const supplier = cleanText(col("Supplier Company Name")?.replace(/\\n/g, " ").replace(/\s+/g, " "));
    const title = cleanText(col("Contract Title"));
    const description = cleanText(col("Contract Description"));
    const category = col("ProClass Description");
    const scope = childrensScope({ category, title, description });
    const allowed = registerNumber(col("How many extensions"));
    const initialTerm = registerNumber(col("Contract Duration (months)"));
    const row: RegisterTermsRow = {
      contract_id: `salford-register:${file.relativePath}:${line}`,
      source,
      stage: "register",
      buyer_name: BUYER,
      buyer_kind: buyer.kind,
      title,
      description,
      source_category: category,
      procurement_method_detail: col("Process Used"),
      value_gbp: knownMoney(col("Total Contract Value (including extensions)")),
      start_date: dates[0] ?? null,
      end_date: dates[1] ?? null,
      stated_duration_months: initialTerm,
      supplier_name: supplier,
      supplier_company_number: col("Company Number"),
      supplier_is_sme: parseYesNo(col("SME Supplier?")) ?? null,
      notice_url: null,
      la_code: laCode,
      in_scope: laCode !== null && scope.childrens,
      scope_rule: scope.rule,
      scope_reason: scopeReason(laCode !== null, BUYER, scope),
      ojeu_advertised: ojeuFlag(col("OJEU/FTS?")),
      initial_term_months: initialTerm,
      extension_option_months: registerNumber(col("Option to extend (months)")),
      extensions_allowed: allowed,
      extensions_taken: extensionsTaken(allowed, [col("Extension 1 Taken?"), col("Extension 2 Taken?")]),
      current_expiry_date: dates[2] ?? null,
      source_file: file.relativePath,
      source_line: line,
    };
    return row;
  },
});
