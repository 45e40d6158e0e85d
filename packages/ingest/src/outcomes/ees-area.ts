/**
 * The area frame every DfE Explore Education Statistics file shares (`time_period`,
 * `geographic_level`, `region_code` / `region_name`, `old_la_code` / `new_la_code` /
 * `la_name`) and its cells, read into the terms of `council_indicators`.
 *
 * England, regional and council rows are all kept: the published England and regional
 * figures are the ones a metric shows for those areas, so none is recomputed from councils.
 */
import { REGIONS } from "@lens/core";
import { councilCode } from "../cla/cla-common.js";
import { type CsvRecord, cell } from "../csv.js";

export type AreaLevel = "england" | "region" | "sub-region" | "council";

export interface Area {
  level: AreaLevel;
  laCode: string | null;
  regionCode: string | null;
  /** The English region as local_authorities names it, or the file's own name (Inner / Outer London). */
  regionName: string | null;
}

const REGION_BY_KEY = new Map(REGIONS.map((r) => [r.toLowerCase(), r]));

/** "Yorkshire and The Humber" → "Yorkshire and the Humber"; names outside the nine regions are kept as written. */
export function regionNameFor(name: string | null): string | null {
  if (name === null) return null;
  return REGION_BY_KEY.get(name.replace(/\s+/g, " ").trim().toLowerCase()) ?? name.trim();
}

/** The area of one record, or a reason it has none Lens can place. */
export function areaOf(record: CsvRecord, columns: Map<string, number>): Area | { error: string } {
  const level = (cell(record, columns, "geographic_level") ?? "").toLowerCase();
  const regionCode = cell(record, columns, "region_code");
  const regionName = regionNameFor(cell(record, columns, "region_name"));
  if (level === "national") {
    const country = cell(record, columns, "country_code");
    if (country !== null && country !== "E92000001") return { error: `country '${country}' is not England` };
    return { level: "england", laCode: null, regionCode: null, regionName: null };
  }
  if (level === "regional") {
    if (regionCode === null && regionName === null) return { error: "regional row names no region" };
    // Inner and Outer London (E13…) are halves of London, which has its own regional row:
    // kept under their own level so a region never counts twice.
    const part = regionCode?.startsWith("E13") ?? false;
    return { level: part ? "sub-region" : "region", laCode: null, regionCode, regionName };
  }
  if (level === "local authority") {
    const joint = /^(\d{3})\s*\/\s*(\d{3})$/.exec(cell(record, columns, "old_la_code") ?? "");
    // A joint return (e.g. two councils sharing one children's services company) is neither council's figure.
    if (joint) return { error: `joint figure for councils ${joint[1]} and ${joint[2]}: neither council's own` };
    const mapped = councilCode(
      cell(record, columns, "old_la_code"),
      cell(record, columns, "new_la_code"),
      cell(record, columns, "la_name"),
    );
    if ("error" in mapped) return mapped;
    return { level: "council", laCode: mapped.laCode, regionCode, regionName };
  }
  return { error: `geographic_level '${level}' is neither national, regional nor a council` };
}

/** A four-digit reporting year (`2024`), or undefined. */
export function yearOf(record: CsvRecord, columns: Map<string, number>): number | undefined {
  const period = cell(record, columns, "time_period") ?? "";
  return /^\d{4}$/.test(period) ? Number(period) : undefined;
}

/**
 * DfE markers that stand where a number is withheld or does not apply (EES `c`, `z`, `x`, `u`,
 * `k`, `low`, `:`; SFR `..`, `-`, `.`). Always NULL with the marker kept, never 0.
 */
export const SUPPRESSION_MARKERS: ReadonlySet<string> = new Set(["c", "z", "x", "u", "k", "low", ":", "..", "-", "."]);

/** A numeric cell: a number (signed, decimal, thousands commas) XOR a marker; both NULL when blank. */
export type NumberCell = { number: number | null; marker: string | null };

/** Parses a numeric cell; undefined when it is neither a number, a known marker nor blank (caller rejects). */
export function parseNumberCell(raw: string | undefined): NumberCell | undefined {
  const v = (raw ?? "").trim();
  if (v === "") return { number: null, marker: null };
  if (SUPPRESSION_MARKERS.has(v.toLowerCase())) return { number: null, marker: v };
  const cleaned = v.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return { number: Number(cleaned), marker: null };
}
