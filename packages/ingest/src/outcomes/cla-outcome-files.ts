/**
 * DfE children-looked-after outcome files (EES, 2020 onwards, long format): placement
 * stability, new placements (distance and reason for change) and care leavers'
 * accommodation and activity. Each file splits a group (`cla_group` or `age`) into categories
 * with a total; every record becomes one row (its count over the group's total), and the
 * indicators Lens defines become one derived row per area, year and group:
 *
 *   numerator = sum of the named categories; denominator = the group's total minus the
 *   categories that say the answer is unknown (so unknown never counts as "no").
 *
 * A suppressed count (c, z…) is NULL with its marker; a derived value whose parts include one
 * is NULL with the first marker met.
 */
import { type CsvRecord, cell, dataRecords, findHeaderIndex, headerIndex, headerKey, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import { type Area, areaOf, type NumberCell, parseNumberCell, yearOf } from "./ees-area.js";
import { type IndicatorFile, type IndicatorOutcome, type IndicatorRow, slug } from "./indicator-rows.js";

interface DerivedIndicator {
  id: string;
  /** The group the indicator reads; undefined for every group (age bands). */
  group?: string;
  numerator: readonly string[];
  /** Categories left out of the denominator: the answer is not known. */
  unknown?: readonly string[];
}

export interface ClaOutcomeDataset {
  id: string;
  groupColumn: "cla_group" | "age";
  categoryColumn: string;
  /** Category of a group that holds its total. */
  isTotal: (category: string) => boolean;
  indicators: readonly DerivedIndicator[];
}

const lower = (s: string) => s.toLowerCase();

export const CLA_OUTCOME_DATASETS: readonly ClaOutcomeDataset[] = [
  {
    id: "cla_placement_stability",
    groupColumn: "cla_group",
    categoryColumn: "placement_stability",
    isTotal: (c) => lower(c) === "total children",
    indicators: [
      {
        id: "cla_three_plus_placements",
        group: "CLA on 31 March",
        numerator: ["With 3 or more placements during the year"],
      },
      {
        id: "cla_same_carer_2y",
        group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
        numerator: ["Living with the same carer for at least 2 years"],
      },
    ],
  },
  {
    id: "cla_new_placements",
    groupColumn: "cla_group",
    categoryColumn: "characteristic",
    isTotal: (c) => ["total new placements", "total placements changing"].includes(lower(c)),
    indicators: [
      {
        id: "placement_changes_provider_closure",
        group: "Reason for placement change during the year",
        numerator: ["Resignation or closure of provision"],
      },
      {
        id: "new_placements_over_20_miles",
        group: "Location of new placements during the year",
        numerator: [
          "Placed inside LA boundary more than 20 miles from home",
          "Placed outside LA boundary more than 20 miles from home",
        ],
        unknown: ["Distance not known or not recorded"],
      },
    ],
  },
  {
    id: "care_leavers_accommodation",
    groupColumn: "age",
    categoryColumn: "accommodation_suitability",
    isTotal: (c) => lower(c) === "suitability total",
    indicators: [
      {
        id: "care_leavers_suitable_accommodation",
        numerator: ["Accommodation considered suitable"],
        unknown: ["No information"],
      },
    ],
  },
  {
    id: "care_leavers_activity",
    groupColumn: "age",
    categoryColumn: "activity",
    isTotal: (c) => lower(c) === "total",
    indicators: [
      {
        id: "care_leavers_eet",
        numerator: ["Total in education, employment or training"],
        unknown: ["Total information not known"],
      },
    ],
  },
];

const FRAME = ["time_period", "geographic_level", "number"];

/**
 * The dataset a header belongs to. The new-placements file shares its columns (cla_group,
 * characteristic) with other EES files, so it is told apart by its groups in `head`.
 */
export function detectClaOutcomeDataset(headerCells: readonly string[], head: string): ClaOutcomeDataset | undefined {
  const keys = new Set(headerCells.map(headerKey));
  if (!FRAME.every((k) => keys.has(k))) return undefined;
  return CLA_OUTCOME_DATASETS.find((d) => {
    if (!keys.has(d.groupColumn) || !keys.has(d.categoryColumn)) return false;
    if (d.id !== "cla_new_placements") return true;
    return /Location of new placements|Reason for placement change/i.test(head);
  });
}

/** "17 to 18 years" / "Aged 17 to 18" / "Aged 22" → "17 to 18" / "22": one spelling of an age band across files. */
export function ageBand(label: string): string {
  return label
    .replace(/^aged\s+/i, "")
    .replace(/\s+years?$/i, "")
    .trim();
}

interface Parsed {
  line: number;
  year: number;
  area: Area;
  group: string;
  category: string;
  count: NumberCell;
  percentage: number | null;
}

const groupKey = (p: Pick<Parsed, "year" | "area" | "group">) =>
  [p.year, p.area.level, p.area.laCode ?? p.area.regionCode ?? "", p.group].join("|");

/**
 * Reads the whole file before the frame counts a record: a derived row needs every record of
 * its group. Each kept record carries its own row, and each derived row rides on the record
 * whose line it names (the first numerator record), so a record still counts once.
 */
export function openClaOutcomeFile(text: string, file: string): IndicatorFile<IndicatorOutcome> {
  const records = parseCsv(text);
  const h = findHeaderIndex(records, FRAME);
  const header = h >= 0 ? records[h] : undefined;
  const dataset = header ? detectClaOutcomeDataset(header.cells, text.slice(0, 200_000)) : undefined;
  if (!header || !dataset) throw new SourceError(file, null, "not a DfE children-looked-after outcome file");
  const last = records[records.length - 1];
  if (last && last.cells.length < header.cells.length && !/[\r\n]$/.test(text))
    throw new SourceError(
      file,
      last.line,
      `record has ${last.cells.length} of ${header.cells.length} columns: file truncated`,
    );
  const columns = headerIndex(header);
  const outcomes: { line: number; record: IndicatorOutcome }[] = [];
  const rowsAt = new Map<number, IndicatorRow[]>();
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of dataRecords(records.slice(h + 1))) {
    const p = parseRecord(record, columns, dataset, header.cells.length);
    if ("error" in p) {
      outcomes.push({ line, record: { reject: p.error } });
      continue;
    }
    const key = `${groupKey(p)}|${p.category}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      outcomes.push({ line, record: { reject: `same area, year and category as line ${earlier}` } });
      continue;
    }
    seen.set(key, line);
    parsed.push(p);
    const rows: IndicatorRow[] = [];
    rowsAt.set(line, rows);
    outcomes.push({ line, record: rows });
  }
  const groups = new Map<string, Map<string, Parsed>>();
  for (const p of parsed) {
    const k = groupKey(p);
    const byCategory = groups.get(k) ?? new Map<string, Parsed>();
    byCategory.set(lower(p.category), p);
    groups.set(k, byCategory);
  }
  for (const p of parsed) rowsAt.get(p.line)!.push(measureRow(p, dataset, groups.get(groupKey(p))!));
  for (const byCategory of groups.values()) {
    const any = byCategory.values().next().value as Parsed;
    for (const indicator of dataset.indicators) {
      if (indicator.group !== undefined && lower(indicator.group) !== lower(any.group)) continue;
      const { line, row } = derivedRow(indicator, dataset, byCategory, any);
      rowsAt.get(line)!.push(row);
    }
  }
  return { records: outcomes, read: (outcome) => outcome };
}

function parseRecord(
  record: CsvRecord,
  columns: Map<string, number>,
  dataset: ClaOutcomeDataset,
  width: number,
): Parsed | { error: string } {
  if (record.cells.length < width) return { error: `record has ${record.cells.length} of ${width} columns` };
  const year = yearOf(record, columns);
  if (year === undefined) return { error: `time_period '${cell(record, columns, "time_period") ?? ""}' is not a year` };
  const area = areaOf(record, columns);
  if ("error" in area) return area;
  const rawGroup = cell(record, columns, dataset.groupColumn);
  const category = cell(record, columns, dataset.categoryColumn);
  if (rawGroup === null || category === null)
    return { error: `no ${dataset.groupColumn} or ${dataset.categoryColumn}` };
  const group = dataset.groupColumn === "age" ? ageBand(rawGroup) : rawGroup;
  const rawNumber = record.cells[columns.get("number")!];
  const count = parseNumberCell(rawNumber);
  if (count === undefined) return { error: `number '${rawNumber ?? ""}' is not a number or known marker` };
  const pctIndex = columns.get("percentage");
  const pct = pctIndex === undefined ? { number: null, marker: null } : parseNumberCell(record.cells[pctIndex]);
  if (pct === undefined)
    return { error: `percentage '${record.cells[pctIndex!] ?? ""}' is not a number or known marker` };
  return { line: record.line, year, area, group, category, count, percentage: pct.number };
}

/** The record itself: its count over its group's total, as the file splits it. */
function measureRow(p: Parsed, dataset: ClaOutcomeDataset, byCategory: Map<string, Parsed>): IndicatorRow {
  const total = [...byCategory.values()].find((q) => dataset.isTotal(q.category));
  const numerator = p.count.number;
  const denominator = total?.count.number ?? null;
  return {
    indicator: `${dataset.id}:${slug(p.category)}`,
    year: p.year,
    area: p.area,
    breakdown: p.group,
    measure: p.category,
    value: numerator !== null && denominator ? numerator / denominator : null,
    numerator,
    denominator,
    publishedValue: p.percentage,
    marker: p.count.marker ?? (numerator !== null ? (total?.count.marker ?? null) : null),
  };
}

function derivedRow(
  indicator: DerivedIndicator,
  dataset: ClaOutcomeDataset,
  byCategory: Map<string, Parsed>,
  any: Parsed,
): { line: number; row: IndicatorRow } {
  const find = (category: string) => byCategory.get(lower(category));
  const total = [...byCategory.values()].find((q) => dataset.isTotal(q.category));
  const parts = indicator.numerator.map(find);
  const unknown = (indicator.unknown ?? []).map(find);
  const cells = [...parts, total, ...unknown];
  const missing = cells.some((c) => c === undefined);
  const marker = missing ? null : (cells.find((c) => c!.count.marker !== null)?.count.marker ?? null);
  const known = !missing && cells.every((c) => c!.count.number !== null);
  const numerator = known ? parts.reduce((s, c) => s + c!.count.number!, 0) : null;
  const denominator = known ? total!.count.number! - unknown.reduce((s, c) => s + c!.count.number!, 0) : null;
  const first = parts.find((c) => c !== undefined) ?? any;
  const unknownWords = indicator.unknown?.length ? ` − ${indicator.unknown.join(" − ")}` : "";
  const row: IndicatorRow = {
    indicator: indicator.id,
    year: any.year,
    area: any.area,
    breakdown: any.group,
    measure: `(${indicator.numerator.join(" + ")}) ÷ (${total?.category ?? "total"}${unknownWords})`,
    value: numerator !== null && denominator ? numerator / denominator : null,
    numerator,
    denominator,
    // The file's own percentage only where Lens's share is the same ratio (one category over the total).
    publishedValue: parts.length === 1 && unknown.length === 0 ? (parts[0]?.percentage ?? null) : null,
    marker,
  };
  // The row's line: the first numerator record (the group's first record when none is there).
  return { line: first.line, row };
}
