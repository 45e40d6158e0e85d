/**
 * DfE children's social work workforce indicators (EES, 2017–2024, one record per area and
 * year, wide): the published FTE rates for agency workers, turnover and vacancies, each as a
 * row of council_indicators. The rate is DfE's (computed from unrounded FTEs); the FTEs it is
 * built from are kept as numerator and denominator, as published.
 */
import { type CsvRecord, cell, findHeaderIndex, headerIndex, isBlankRecord, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import { areaOf, type NumberCell, parseNumberCell, yearOf } from "./ees-area.js";
import { emptyParse, type IndicatorParse, rowKey, type WorkforceRate, workforceRateRows } from "./indicator-rows.js";

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

export function parseCswwIndicators(text: string, file: string): IndicatorParse {
  const records = parseCsv(text);
  const h = findHeaderIndex(records, REQUIRED);
  const header = h >= 0 ? records[h] : undefined;
  if (!header) throw new SourceError(file, null, "not the DfE social work workforce indicators file");
  const columns = headerIndex(header);
  const out = emptyParse();
  const seen = new Map<string, number>();
  for (const record of records.slice(h + 1)) {
    if (isBlankRecord(record)) continue;
    out.read++;
    const reject = (reason: string) => out.rejects.push({ line: record.line, reason });
    if (record.cells.length < header.cells.length) {
      reject(`record has ${record.cells.length} of ${header.cells.length} columns`);
      continue;
    }
    const year = yearOf(record, columns);
    if (year === undefined) {
      reject(`time_period '${cell(record, columns, "time_period") ?? ""}' is not a year`);
      continue;
    }
    const area = areaOf(record, columns);
    if ("error" in area) {
      reject(area.error);
      continue;
    }
    const cells = readCells(record, columns);
    if ("error" in cells) {
      reject(cells.error);
      continue;
    }
    const key = rowKey("csww", year, area, null);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reject(`same area and year as line ${earlier}`);
      continue;
    }
    seen.set(key, record.line);
    out.kept++;
    out.rows.push(...workforceRateRows({ line: record.line, year, area }, CSWW_RATES, cells));
  }
  return out;
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
