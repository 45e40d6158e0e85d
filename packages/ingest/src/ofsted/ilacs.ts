/**
 * ILACS: the latest Ofsted judgement of each council's children's services, as scraped by
 * Data to Insight (one xlsx sheet, one row per council) → ilacs. Grades are lower-case in
 * the file and normalised to the 4-point vocabulary; `nan`/`None` are the scraper's blanks.
 * Row numbers are spreadsheet rows (header = row 1).
 */
import { isCurrentCouncilCode, type Rating } from "@lens/core";
import readXlsxFile from "read-excel-file/node";
import { parseUkDate } from "../csv.js";
import { defineSource } from "../source-frame.js";
import { SourceError } from "../types.js";
import { normaliseRating } from "./ofsted-common.js";

const REQUIRED = ["la_code", "overall_effectiveness_grade", "inspection_end_date"];

/**
 * The first sheet whose row 1 holds the required columns, as rows of cells (null = empty).
 * Every row is kept, blank ones included, so an index + 1 is the spreadsheet row number.
 */
async function readSheet(path: string): Promise<unknown[][] | null> {
  // trim: false — cells are trimmed (and `nan`/`None` blanked) by text() below.
  for (const { data } of await readXlsxFile(path, { trim: false })) {
    const first = (data[0] ?? []).map((v) =>
      String(v ?? "")
        .trim()
        .toLowerCase(),
    );
    if (REQUIRED.every((r) => first.includes(r))) return data;
  }
  return null;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" || s === "nan" || s === "None" ? null : s;
}

/** A judgement cell: 4-point rating, null (blank or a marker such as inspection_pre_dates_judgement), undefined = unknown. */
function grade(v: unknown): Rating | null | undefined {
  const s = text(v);
  if (s === null || s === "inspection_pre_dates_judgement") return null;
  return normaliseRating(s);
}

/** The sheet's rows after the header, blank ones skipped, each with its spreadsheet row number. */
function* nonBlankRows(sheet: unknown[][]): Generator<{ line: number; record: unknown[] }> {
  for (let i = 1; i < sheet.length; i++)
    if (!sheet[i]!.every((v) => text(v) === null)) yield { line: i + 1, record: sheet[i]! };
}

export const ofstedIlacsIngester = defineSource<"ilacs", unknown[]>({
  id: "ofsted-ilacs",
  label: "Ofsted ILACS judgements per council",
  table: "ilacs",
  maxRejectRate: 0.05,
  async recognise(f) {
    if (!/\.xlsx$/i.test(f.relativePath)) return false;
    try {
      return (await readSheet(f.path)) !== null;
    } catch {
      // Not a readable workbook: not this source (a corrupt ILACS file fails in ingest).
      return /ilacs/i.test(f.relativePath);
    }
  },
  async open(file) {
    let rows: unknown[][] | null;
    try {
      rows = await readSheet(file.path);
    } catch (error) {
      throw new SourceError(file.relativePath, null, `not a readable workbook: ${(error as Error).message}`);
    }
    if (!rows) throw new SourceError(file.relativePath, 1, `no sheet with columns ${REQUIRED.join(", ")} in row 1`);
    const sheet = rows;
    const header = sheet[0]!.map((v) =>
      String(v ?? "")
        .trim()
        .toLowerCase(),
    );
    const at = (name: string) => header.indexOf(name);
    const seen = new Set<string>();
    return {
      records: nonBlankRows(sheet),
      toRow(row, { source, line }) {
        const get = (name: string) => text(row[at(name)]);
        const laCode = get("la_code");
        const name = get("local_authority") ?? "?";
        if (!laCode || !isCurrentCouncilCode(laCode))
          return { reject: `council '${name}': la_code '${laCode ?? ""}' is not a current DfE code` };
        if (seen.has(laCode)) return { reject: `council ${laCode} (${name}) listed twice` };
        const overallOriginal = get("overall_effectiveness_grade");
        const subs = ["impact_of_leaders_grade", "help_and_protection_grade", "in_care_grade", "care_leavers_grade"];
        const originals = [overallOriginal, ...subs.map((s) => get(s))];
        const grades = originals.map(grade);
        const badGrade = grades.indexOf(undefined);
        if (badGrade >= 0) return { reject: `council ${laCode}: grade '${originals[badGrade]}' not recognised` };
        const dates = ["inspection_start_date", "inspection_end_date", "publication_date"].map((d) => [
          get(d),
          parseUkDate(get(d)),
        ]);
        const badDate = dates.find(([, d]) => d === undefined);
        if (badDate)
          return { reject: `council ${laCode}: date '${badDate[0]}' is not a dd/mm/yyyy (or dd/mm/yy) date` };
        seen.add(laCode);
        return {
          la_code: laCode,
          overall_rating: grades[0],
          overall_rating_original: overallOriginal,
          inspection_start_date: dates[0]![1],
          inspection_date: dates[1]![1],
          publication_date: dates[2]![1],
          inspection_framework: get("inspection_framework"),
          impact_of_leaders_rating: grades[1],
          help_and_protection_rating: grades[2],
          in_care_rating: grades[3],
          care_leavers_rating: grades[4],
          source,
          source_file: file.relativePath,
          source_line: line,
        };
      },
    };
  },
});
