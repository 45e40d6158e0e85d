/**
 * Contracts Finder award notices scraped from the website (almost all Home Office): one row
 * per award notice and supplier (stage 'award'). Dates are written out ("15 June 2015");
 * values carry float artefacts (rounded to pence); "Supplier is SME?" sometimes holds a
 * stray amount from a page-parsing error — that flag is then unknown (NULL), the row is kept.
 */
import { type ContractRow, cleanText, knownMoney, parseContractDate, parseYesNo } from "./contract-rows.js";
import { resolveBuyersAndScope } from "./ocds-releases.js";
import { csvContractSource } from "./tabular.js";

const HEADER = ["Procurement reference", "Value of contract", "Awarded date", "Supplier is SME?", "Industry"];
export const HOME_OFFICE_SOURCE_ID = "contracts-finder-scraped";

export const homeOfficeAwardsIngester = csvContractSource({
  id: HOME_OFFICE_SOURCE_ID,
  label: "Contracts Finder award pages, scraped (Home Office)",
  maxRejectRate: 0.05,
  header: HEADER,
  toContract(_record, col, { source, file, line }) {
    const dates: Record<string, string | null> = {};
    for (const [key, name] of [
      ["published", "Published date"],
      ["closing", "Closing date"],
      ["start", "Contract start date"],
      ["end", "Contract end date"],
      ["awarded", "Awarded date"],
    ] as const) {
      const d = parseContractDate(col(name));
      if (d === undefined) return { reject: `unreadable ${name} "${col(name)}"` };
      dates[key] = d;
    }
    const sme = parseYesNo(col("Supplier is SME?"));
    const vcse = parseYesNo(col("Supplier is VCSE?"));
    const procedure = col("Procedure type");
    const row: ContractRow = {
      contract_id: `cf-scraped:${file.relativePath}:${line}`,
      source,
      stage: "award",
      buyer_name: cleanText(col("Buyer")),
      title: cleanText(col("Title")),
      description: cleanText(col("Description")),
      cpv: /(\d{8})\s*$/.exec(col("Industry") ?? "")?.[1] ?? null,
      procurement_method_detail: procedure === "Not applicable" ? null : procedure,
      value_gbp: knownMoney(col("Value of contract")),
      start_date: dates.start ?? null,
      end_date: dates.end ?? null,
      award_date: dates.awarded ?? null,
      tender_published_date: dates.published ?? null,
      tender_end_date: dates.closing ?? null,
      supplier_name: cleanText(col("Supplier")),
      supplier_is_sme: sme ?? null,
      supplier_is_vcse: vcse ?? null,
      notice_url: null,
      source_file: file.relativePath,
      source_line: line,
    };
    return row;
  },
  finish: (ctx, files) =>
    resolveBuyersAndScope(
      ctx.connection,
      files.map((f) => f.relativePath),
    ),
});
