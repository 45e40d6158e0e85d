/**
 * Contracts Finder notice extract with only id, title, buyer, dates and description (no
 * values, no suppliers). Kept, not rejected: each is a real award notice and counts in
 * "how many contracts" and scope, with value, duration and supplier NULL (unknown) — so the
 * commissioning model is 'unknown', shown and counted. Descriptions are double-escaped.
 */
import type { CsvRecord } from "../csv.js";
import { type ContractRow, cleanText, parseContractDate } from "./contract-rows.js";
import type { RowResult } from "./tabular.js";

export const CF_NOTICE_TITLES_HEADER = [
  "Id",
  "Title",
  "PublishedDate",
  "OrganisationName",
  "DeadlineDate",
  "AwardedDate",
];
const NOTICE_URL = "https://www.contractsfinder.service.gov.uk/Notice/";

export function cfNoticeTitleRow(
  sourceId: string,
  sourceFile: string,
  record: CsvRecord,
  col: (...names: string[]) => string | null,
  knownNoticeUrls: ReadonlySet<string>,
): RowResult {
  const id = col("Id");
  if (id === null) return { reject: "no notice Id" };
  const url = NOTICE_URL + id.toLowerCase();
  if (knownNoticeUrls.has(url)) return { reject: `notice ${id} already read from Contracts Finder OCDS releases` };
  const published = parseContractDate(col("PublishedDate"));
  const deadline = parseContractDate(col("DeadlineDate"));
  const awarded = parseContractDate(col("AwardedDate"));
  if (published === undefined || deadline === undefined || awarded === undefined) return { reject: "unreadable date" };
  const row: ContractRow = {
    contract_id: `cf-notice:${id}`,
    source: sourceId,
    stage: awarded === null ? "tender" : "award",
    buyer_name: cleanText(col("OrganisationName")),
    title: cleanText(col("Title")),
    description: cleanText(col("Description")),
    award_date: awarded,
    tender_end_date: deadline,
    notice_url: url,
    source_file: sourceFile,
    source_line: record.line,
  };
  return row;
}
