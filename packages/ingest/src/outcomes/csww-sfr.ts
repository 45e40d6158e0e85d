/**
 * DfE children's social work workforce SFR underlying data (SFR07/2016 = 30 September 2015,
 * SFR08/2017 = 30 September 2016): one wide record per area with year-suffixed columns
 * (`D2_FTE_AgencyWorkerRate_2015`). The year is the suffix, never the file name. The same three
 * published FTE rates as the later indicators file become rows of council_indicators. Numbers
 * of 1,000 or more are quoted with thousands commas (SFR08); markers `x`, `..`, `.`, `-`.
 */

import { councilCode } from "../cla/cla-common.js";
import { type CsvRecord, cell, dataRecords, findHeaderIndex, headerIndex, headerKey, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import { type Area, type NumberCell, parseNumberCell, regionNameFor } from "./ees-area.js";
import { type IndicatorFile, rowKey, type WorkforceRate, workforceRateRows } from "./indicator-rows.js";

/** Column stems (without the `_<year>` suffix), as in the SFR files. */
const RATES: readonly WorkforceRate[] = [
  {
    indicator: "social_worker_agency_rate",
    rate: "D2_FTE_AgencyWorkerRate",
    numerator: "D1_FTE_AgencyWorkers",
    denominator: ["D1_FTE_AgencyWorkers", "A1_FTE_ChildrensSocialWorkers"],
  },
  {
    indicator: "social_worker_turnover",
    rate: "B3_FTE_TurnoverRate",
    numerator: "B2_FTE_Leavers",
    denominator: ["A1_FTE_ChildrensSocialWorkers"],
  },
  {
    indicator: "social_worker_vacancy_rate",
    rate: "A3_FTE_VacancyRate",
    numerator: "A2_FTE_Vacancies",
    denominator: ["A2_FTE_Vacancies", "A1_FTE_ChildrensSocialWorkers"],
  },
];

const GEOGRAPHY = ["country_code", "region_code", "la_code (3 digit)"];

/** The year of an SFR workforce header (from `D2_FTE_AgencyWorkerRate_<year>`), if it is one. */
export function cswwSfrYear(headerCells: readonly string[]): number | undefined {
  const keys = new Set(headerCells.map(headerKey));
  if (!GEOGRAPHY.every((k) => keys.has(k))) return undefined;
  for (const k of keys) {
    const m = /^d2_fte_agencyworkerrate_(\d{4})$/.exec(k);
    if (m && RATES.every((r) => [r.rate, r.numerator].every((c) => keys.has(`${c}_${m[1]}`.toLowerCase()))))
      return Number(m[1]);
  }
  return undefined;
}

function areaOf(record: CsvRecord, columns: Map<string, number>): Area | { error: string } {
  const regionCode = cell(record, columns, "Region_code");
  const regionName = regionNameFor(cell(record, columns, "Region_name"));
  const oldCode = cell(record, columns, "LA_code (3 digit)");
  const onsCode = cell(record, columns, "LA_code (9 digit)");
  if (oldCode === null && onsCode === null) {
    if (regionCode === null) {
      const country = cell(record, columns, "Country_code");
      if (country !== "E92000001") return { error: `country '${country ?? ""}' is not England` };
      return { level: "england", laCode: null, regionCode: null, regionName: null };
    }
    const part = regionCode.startsWith("E13");
    return { level: part ? "sub-region" : "region", laCode: null, regionCode, regionName };
  }
  const mapped = councilCode(oldCode, onsCode, cell(record, columns, "LA_name"));
  if ("error" in mapped) return mapped;
  return { level: "council", laCode: mapped.laCode, regionCode, regionName };
}

export function openCswwSfr(text: string, file: string): IndicatorFile {
  const records = parseCsv(text);
  const h = findHeaderIndex(records, GEOGRAPHY);
  const header = h >= 0 ? records[h] : undefined;
  const year = header ? cswwSfrYear(header.cells) : undefined;
  if (!header || year === undefined)
    throw new SourceError(file, null, "not a DfE social work workforce SFR underlying-data file");
  const columns = headerIndex(header);
  const column = (stem: string) => columns.get(`${stem}_${year}`.toLowerCase())!;
  const seen = new Map<string, number>();
  return {
    // Trailing all-comma rows (SFR08 has 32) are blank, not records.
    records: dataRecords(records.slice(h + 1)),
    read(record) {
      const area = areaOf(record, columns);
      if ("error" in area) return { reject: area.error };
      const cells = new Map<string, NumberCell>();
      let bad: string | null = null;
      for (const stem of new Set(RATES.flatMap((r) => [r.rate, r.numerator, ...r.denominator]))) {
        const raw = record.cells[column(stem)];
        const parsed = parseNumberCell(raw);
        if (parsed === undefined) bad ??= `${stem}_${year} '${raw ?? ""}' is not a number or known marker`;
        else cells.set(stem, parsed);
      }
      if (bad) return { reject: bad };
      const key = rowKey("csww", year, area, null);
      const earlier = seen.get(key);
      if (earlier !== undefined) return { reject: `same area as line ${earlier}` };
      seen.set(key, record.line);
      return workforceRateRows({ year, area }, RATES, cells, (rate) => `${rate}_${year}`);
    },
  };
}
