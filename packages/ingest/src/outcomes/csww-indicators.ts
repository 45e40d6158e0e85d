/**
 * DfE children's social work workforce indicators (EES, 2017–2024, one record per area and
 * year, wide): the published FTE rates for agency workers, turnover and vacancies, each as a
 * row of council_indicators. The rate is DfE's (computed from unrounded FTEs); the FTEs it is
 * built from are kept as numerator and denominator, as published.
 */
import { type CsvRecord, cell, dataRecords, findHeaderIndex, headerIndex, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import { areaOf, type NumberCell, parseNumberCell, yearOf } from "./ees-area.js";
import { type IndicatorFile, rowKey, type WorkforceRate, workforceRateRows } from "./indicator-rows.js";

export const CSWW_RATES: readonly WorkforceRate[] = [
  {
    indicator: "social_worker_agency_rate",
    rate: "agency_rate_fte",
    numerator: "agency_fte",
    denominator: ["agency_fte", "inpost_fte"],
  },
  {
    indicator: "social_worker_turnover",
    rate: "turnover_rate_fte",
    numerator: "leavers_fte",
    denominator: ["inpost_fte"],
  },
  {
    indicator: "social_worker_vacancy_rate",
    rate: "vacancy_rate_fte",
    numerator: "vacancy_fte",
    denominator: ["vacancy_fte", "inpost_fte"],
  },
];

const REQUIRED = [
  "time_period",
  "geographic_level",
  ...new Set(CSWW_RATES.flatMap((r) => [r.rate, r.numerator, ...r.denominator])),
];

export function isCswwIndicatorsHeader(headerCells: readonly string[]): boolean {
  const keys = new Set(headerCells.map((c) => c.trim().toLowerCase()));
  return REQUIRED.every((k) => keys.has(k));
}

export function openCswwIndicators(text: string, file: string): IndicatorFile {
  const records = parseCsv(text);
  const h = findHeaderIndex(records, REQUIRED);
  const header = h >= 0 ? records[h] : undefined;
  if (!header) throw new SourceError(file, null, "not the DfE social work workforce indicators file");
  const columns = headerIndex(header);
  const seen = new Map<string, number>();
  return {
    records: dataRecords(records.slice(h + 1)),
    read(record) {
      if (record.cells.length < header.cells.length)
        return { reject: `record has ${record.cells.length} of ${header.cells.length} columns` };
      const year = yearOf(record, columns);
      if (year === undefined)
        return { reject: `time_period '${cell(record, columns, "time_period") ?? ""}' is not a year` };
      const area = areaOf(record, columns);
      if ("error" in area) return { reject: area.error };
      const cells = readCells(record, columns);
      if ("error" in cells) return { reject: cells.error };
      const key = rowKey("csww", year, area, null);
      const earlier = seen.get(key);
      if (earlier !== undefined) return { reject: `same area and year as line ${earlier}` };
      seen.set(key, record.line);
      return workforceRateRows({ year, area }, CSWW_RATES, cells);
    },
  };
}

function readCells(record: CsvRecord, columns: Map<string, number>): Map<string, NumberCell> | { error: string } {
  const out = new Map<string, NumberCell>();
  for (const name of new Set(CSWW_RATES.flatMap((r) => [r.rate, r.numerator, ...r.denominator]))) {
    const raw = record.cells[columns.get(name)!];
    const parsed = parseNumberCell(raw);
    if (parsed === undefined) return { error: `${name} '${raw ?? ""}' is not a number or known marker` };
    out.set(name, parsed);
  }
  return out;
}
