/**
 * Contracts Finder website "Download CSV" export (`Search/GetCsvFile`): one row per notice.
 * The saved export is of OPEN notices, so rows are intended contracts (stage 'tender'):
 * value is Value High, else Value Low (0 means unknown in both); Pipeline and PreProcurement
 * notices are planning, not contracts, and are rejected like OCDS planning releases.
 */
import type { CsvRecord } from "../csv.js";
import { type ContractRow, cleanText, knownMoney, parseContractDate } from "./contract-rows.js";
import type { RowResult } from "./tabular.js";

export const CF_CSV_EXPORT_HEADER = [
  "Notice Identifier",
  "Notice Type",
  "Organisation Name",
  "Value Low",
  "Value High",
];
const NOTICE_URL = "https://www.contractsfinder.service.gov.uk/Notice/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function cfCsvExportRow(
  sourceId: string,
  sourceFile: string,
  record: CsvRecord,
  col: (...names: string[]) => string | null,
  knownNoticeUrls: ReadonlySet<string>,
): RowResult {
  const id = col("Notice Identifier");
  if (id === null) return { reject: "no Notice Identifier" };
  const type = col("Notice Type");
  if (type !== null && /^(pipeline|preprocurement)$/i.test(type))
    return { reject: `${type} notice: planning, no contract tendered yet` };
  const status = col("Status");
  if (status !== null && /^(withdrawn|cancelled)$/i.test(status)) return { reject: `notice ${status}: no contract` };
  const noticeUrl = GUID.test(id) ? NOTICE_URL + id.toLowerCase() : null;
  if (noticeUrl !== null && knownNoticeUrls.has(noticeUrl))
    return { reject: `notice ${id} already read from Contracts Finder OCDS releases` };
  const dates: Record<string, string | null> = {};
  for (const [key, name] of [
    ["start", "Start Date"],
    ["end", "End Date"],
    ["closing", "Closing Date"],
    ["published", "Published Date"],
    ["awarded", "Awarded Date"],
    ["cstart", "Contract start date"],
    ["cend", "Contract end date"],
  ] as const) {
    const parsed = parseContractDate(col(name));
    if (parsed === undefined) return { reject: `unreadable ${name} "${col(name)}"` };
    dates[key] = parsed;
  }
  const awardedValue = knownMoney(col("Awarded Value"));
  const supplier = col("Supplier [Name|Address|Ref type|Ref Number|Is SME|Is VCSE]");
  const supplierParts = supplier?.split("|") ?? [];
  const awarded = awardedValue !== null || supplier !== null || dates.awarded !== null;
  const row: ContractRow = {
    contract_id: `cf-csv:${id}`,
    source: sourceId,
    stage: awarded ? "award" : "tender",
    buyer_name: cleanText(col("Organisation Name")),
    title: cleanText(col("Title")),
    description: cleanText(col("Description")),
    cpv: col("Cpv Codes")?.split(/\s+/)[0] ?? null,
    procurement_method_detail: col("OJEU Procedure Type"),
    value_gbp: awardedValue ?? knownMoney(col("Value High")) ?? knownMoney(col("Value Low")),
    start_date: dates.cstart ?? dates.start ?? null,
    end_date: dates.cend ?? dates.end ?? null,
    award_date: dates.awarded ?? null,
    tender_published_date: dates.published ?? null,
    tender_end_date: dates.closing ?? null,
    supplier_name: cleanText(supplierParts[0]),
    supplier_is_sme: parseBool(supplierParts[4]),
    supplier_is_vcse: parseBool(supplierParts[5]),
    notice_url: noticeUrl,
    source_file: sourceFile,
    source_line: record.line,
  };
  return row;
}

function parseBool(v: string | undefined): boolean | null {
  const t = v?.trim().toLowerCase();
  return t === "yes" || t === "true" ? true : t === "no" || t === "false" ? false : null;
}
