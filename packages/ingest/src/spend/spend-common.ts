/**
 * Helpers shared by the spend parsers: council codes of every vintage, budget-line text
 * cleaning and its mapping to a Lens service, Windows-1252 repair, and the CSVs whose header
 * is their first line.
 */
import { ABOLISHED_COUNCILS, isCurrentCouncilCode, type Service } from "@lens/core";
import { serviceForLedgerLine, serviceReason } from "@lens/core/classify";
import { type CsvRecord, findHeaderIndex, headerIndex, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { SourceError, type SourceFile } from "../types.js";

/**
 * Councils abolished in April 2009 that appear only in 2008-09 returns (their successors are
 * 822/823 and 895/896); not in core's alias table because no other source predates 2009.
 */
export const PRE_2009_COUNCILS: Readonly<Record<string, string>> = { "820": "Bedfordshire", "875": "Cheshire" };

/** A DfE 3-digit code of a current council or of one abolished by a boundary change. */
export function isKnownCouncilCode(code: string): boolean {
  return isCurrentCouncilCode(code) || code in ABOLISHED_COUNCILS || code in PRE_2009_COUNCILS;
}

/** Collapses whitespace (line breaks, tabs, NBSP) and strips a leading line number ("6 Residential care"). */
export function cleanLineDescription(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .replace(/^\d+\s*(?=[A-Za-z])/, "");
}

/** The spend row's service columns: the service, the rule that decided it and the line it read. */
export function serviceColumns(line: string | null | undefined): {
  service: Service | null;
  service_rule: string | null;
  service_reason: string | null;
} {
  const result = serviceForLedgerLine(line);
  return result
    ? { service: result.service, service_rule: result.rule, service_reason: serviceReason(result) }
    : { service: null, service_rule: null, service_reason: null };
}

/**
 * Windows-1252's 0x80–0x9F block (curly quotes, dashes, €…). Node 20's TextDecoder
 * ("windows-1252") decodes these bytes as C1 control characters (ISO-8859-1), so `’` in
 * `Children’s` arrives as U+0092; this maps them to the characters Windows-1252 means.
 */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

export function repairCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)),
  );
}

/** Reads a text file (UTF-8, BOM or Windows-1252) with the Windows-1252 punctuation repaired. */
export async function readSourceText(path: string): Promise<string> {
  const decoded = await readTextFile(path);
  return decoded.encoding === "windows-1252" ? repairCp1252(decoded.text) : decoded.text;
}

/** Whether a CSV's first line (within `headBytes`) names every `required` column, case and quotes aside. */
export async function csvHeaderHas(file: SourceFile, required: readonly string[], headBytes: number): Promise<boolean> {
  if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
  const head = (await readHead(file.path, headBytes)).split(/\r?\n/)[0] ?? "";
  const cells = head.split(",").map((c) => c.replace(/"/g, "").trim().toLowerCase());
  return required.every((r) => cells.includes(r));
}

/**
 * A spend CSV whose header is its first line, read with the Windows-1252 repair: its columns
 * and the records below the header. A file without the header fails, naming it.
 */
export async function readSpendCsv(
  file: SourceFile,
  required: readonly string[],
): Promise<{ columns: Map<string, number>; records: CsvRecord[] }> {
  const records = parseCsv(await readSourceText(file.path));
  if (findHeaderIndex(records, required, 1) !== 0)
    throw new SourceError(file.relativePath, 1, `header with ${required.join(", ")} not found`);
  return { columns: headerIndex(records[0]!), records: records.slice(1) };
}
