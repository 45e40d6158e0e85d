/**
 * DfE Explore Education Statistics (EES) files with children looked after at 31 March by
 * placement provider, 2020 onwards, long format (`time_period`, `geographic_level`,
 * `old_la_code` / `new_la_code`, `number`). Two shapes are read, the header found by content:
 *  - a `placement_provider` column, optionally crossed with `placement_type` (the national
 *    "placement provider × placement type and locality" file);
 *  - `cla_group` + `characteristic` (the LA-level "by characteristics" file): rows of a
 *    provider group are kept, every other group is a reject naming it.
 *
 * Invariants (so sums never double count): national rows are kept with la_code NULL, regional
 * rows are rejected; the "All children" provider row and the locality subtotals ("2. All
 * children placed inside council boundary", "3. … outside …") are rejected as sums of rows
 * kept; "1. All children looked after at 31 March" becomes placement_type NULL (all types),
 * and the numbered leaves (2a–2g, 3a–3g, 4) name their locality in placement_type.
 */
import { type CsvRecord, cell, dataRecords, findHeaderIndex, headerIndex, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import {
  type ClaFile,
  councilCode,
  PROVIDER_TOTAL,
  parseCountCell,
  providerForLabel,
  REGIONAL_SUBTOTAL,
} from "./cla-common.js";
import { checkTruncation } from "./sfr-placements.js";

export const LOCALITY_SUBTOTAL = "locality subtotal (sum of its placement types)";

export type EesShape = "placement-provider" | "cla-group";

/** The shape a header record carries, if it is an EES placement-provider file. */
export function detectEesShape(headerCells: readonly string[]): EesShape | undefined {
  const keys = new Set(headerCells.map((c) => c.trim().toLowerCase()));
  if (!["time_period", "geographic_level", "number"].every((k) => keys.has(k))) return undefined;
  if (keys.has("placement_provider")) return "placement-provider";
  if (keys.has("cla_group") && keys.has("characteristic")) return "cla-group";
  return undefined;
}

const EES_REQUIRED = ["time_period", "geographic_level", "number"];

/** Whether a `cla_group` value is the placement-provider breakdown ("Place providers", "Placement provider"). */
export function isProviderGroup(group: string): boolean {
  return /place(ment)?s? providers?/i.test(group);
}

/**
 * `placement_type` label → stored placement type: NULL for the all-types row, "subtotal"
 * for a locality subtotal, else the label without its number and with its locality.
 */
function placementTypeFor(label: string, localities: ReadonlyMap<string, string>): string | null | "subtotal" {
  const m = /^(\d+)([a-z]?)\.\s*(.*)$/i.exec(label.trim());
  if (!m) return label.trim();
  const [, num, letter, text] = m;
  if (!letter) {
    if (/^all children looked after/i.test(text!)) return null;
    if (/^all children placed/i.test(text!)) return "subtotal";
    return text!;
  }
  const locality = localities.get(num!);
  return locality ? `${text} (${locality})` : label.trim();
}

/** "2. All children placed inside council boundary" → 2 ↦ "inside council boundary". */
function localitiesOf(records: readonly CsvRecord[], typeIndex: number | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (typeIndex === undefined) return out;
  for (const r of records) {
    const m = /^(\d+)\.\s*all children placed (.+)$/i.exec((r.cells[typeIndex] ?? "").trim());
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

export function openEesPlacements(text: string, file: string): ClaFile {
  const records = parseCsv(text);
  const h = findHeaderIndex(records, EES_REQUIRED);
  const header = h >= 0 ? records[h] : undefined;
  const shape = header ? detectEesShape(header.cells) : undefined;
  if (!header || !shape)
    throw new SourceError(file, null, "no EES placement-provider header (time_period, geographic_level, number…)");
  checkTruncation(records, header.cells.length, text, file);
  const columns = headerIndex(header);
  const body = records.slice(h + 1);
  const localities = localitiesOf(body, columns.get("placement_type"));
  return {
    records: dataRecords(body),
    read(record) {
      if (record.cells.length < header.cells.length)
        return { reject: `record has ${record.cells.length} of ${header.cells.length} columns` };
      if (shape === "cla-group") {
        const group = cell(record, columns, "cla_group") ?? "";
        if (!isProviderGroup(group)) return { reject: `cla_group '${group}' is not the placement-provider breakdown` };
      }
      const providerLabel =
        (shape === "placement-provider"
          ? cell(record, columns, "placement_provider")
          : cell(record, columns, "characteristic")) ?? "";
      const provider = providerForLabel(providerLabel);
      if (provider === undefined)
        return { reject: `placement provider '${providerLabel}' is not a known provider category` };
      if (provider === "total") return { reject: PROVIDER_TOTAL };
      const typeLabel = cell(record, columns, "placement_type");
      const placementType = typeLabel === null ? null : placementTypeFor(typeLabel, localities);
      if (placementType === "subtotal") return { reject: LOCALITY_SUBTOTAL };
      const period = cell(record, columns, "time_period") ?? "";
      if (!/^\d{4}$/.test(period)) return { reject: `time_period '${period}' is not a year` };
      const level = (cell(record, columns, "geographic_level") ?? "").toLowerCase();
      let laCode: string | null;
      if (level === "national") laCode = null;
      else if (level === "regional") return { reject: REGIONAL_SUBTOTAL };
      else if (level === "local authority") {
        const mapped = councilCode(
          cell(record, columns, "old_la_code"),
          cell(record, columns, "new_la_code"),
          cell(record, columns, "la_name"),
        );
        if ("error" in mapped) return { reject: mapped.error };
        laCode = mapped.laCode;
      } else return { reject: `geographic_level '${level}' is neither national, regional nor a council` };
      const raw = record.cells[columns.get("number")!];
      const count = parseCountCell(raw);
      if (count === undefined) return { reject: `number '${raw ?? ""}' is not a count or known marker` };
      return [{ laCode, year: Number(period), provider, placementType, cell: count }];
    },
  };
}
