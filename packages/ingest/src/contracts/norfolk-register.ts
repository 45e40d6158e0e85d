/**
 * Norfolk County Council contract register (Local Government Transparency Code template):
 * one row per contract in force (stage 'register'), one row per supplier for spot contracts.
 * The buyer is the council on every row (355 passenger-transport continuation rows leave
 * Organisation name blank). Scope reads the register's own category and directorate first
 * (core's childrensScope), since the register has no CPV codes. "VCSE supplier" is Yes or blank: blank is unknown, not No.
 */
import { childrensScope, classifyBuyer } from "@lens/core/classify";
import { type ContractRow, cleanText, knownMoney, parseContractDate, scopeReason } from "./contract-rows.js";
import { csvContractSource } from "./tabular.js";

const HEADER = ["Title of the Agreement", "Directorate / service responsible", "Supplier name", "Tender process type"];
const BUYER = "Norfolk County Council";

export const norfolkRegisterIngester = csvContractSource({
  id: "norfolk-register",
  label: "Norfolk County Council contract register",
  maxRejectRate: 0.05,
  header: HEADER,
  toContract(_record, col, { source, file, line }) {
    const dates: (string | null)[] = [];
    for (const name of ["Contract start date", "End date"]) {
      const d = parseContractDate(col(name));
      if (d === undefined) return { reject: `unreadable ${name} "${col(name)}"` };
      dates.push(d);
    }
    const buyer = cleanText(col("Organisation name")) ?? BUYER;
    const title = cleanText(col("Title of the Agreement"));
    const description = cleanText(col("Description of goods and services"));
    const directorate = col("Directorate / service responsible");
    const category = col("Procurement classification: Councils procurement category label");
    const buyerDecision = classifyBuyer(buyer);
    const laCode = buyerDecision.laCode;
    const scope = childrensScope({ category, directorate, title, description });
    const row: ContractRow = {
      contract_id: `norfolk:${file.relativePath}:${line}`,
      source,
      stage: "register",
      buyer_name: buyer,
      buyer_kind: buyerDecision.kind,
      title,
      description,
      cpv: col("Procurement classification: CPV code"),
      source_category: category,
      contract_type: col("Contract type"),
      procurement_method_detail: col("Tender process type"),
      value_gbp: knownMoney(col("Contract value")),
      start_date: dates[0] ?? null,
      end_date: dates[1] ?? null,
      supplier_name: cleanText(col("Supplier name")),
      supplier_company_number: col("Supplier registered company number"),
      supplier_charity_number: col("Supplier registered charity number"),
      supplier_is_sme: col("SME supplier")?.toLowerCase() === "yes" ? true : null,
      supplier_is_vcse: col("VCSE supplier")?.toLowerCase() === "yes" ? true : null,
      notice_url: null,
      la_code: laCode,
      in_scope: laCode !== null && scope.childrens,
      scope_rule: scope.rule,
      scope_reason: scopeReason(laCode !== null, buyer, scope),
      source_file: file.relativePath,
      source_line: line,
    };
    return row;
  },
});
