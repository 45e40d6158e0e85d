/**
 * Shared vocabulary of the DfE children-looked-after placement parsers: the provider labels
 * stored in `cla_placements.provider`, the suppression markers and council-code mapping.
 */
import { ABOLISHED_COUNCILS, councilCodeForName, isCurrentCouncilCode, laCodeForOnsCode } from "@lens/core";
import type { CsvRecord } from "../csv.js";

export const CLA_SOURCE_ID = "dfe-cla";

/**
 * Provider labels, aligned with `spend.provider_ownership` (own / private / voluntary / other
 * public) plus the three categories only the placement return has.
 */
export const CLA_PROVIDERS = [
  "own",
  "other LA",
  "other public",
  "private",
  "voluntary",
  "parents",
  "not reported",
] as const;
export type ClaProvider = (typeof CLA_PROVIDERS)[number];

export const REGIONAL_SUBTOTAL = "regional subtotal (sum of its councils)";
export const PROVIDER_TOTAL = "all-providers total (sum of its provider rows)";

/** EES `placement_provider` / `characteristic` text → provider; `total` for the all-providers row. */
export function providerForLabel(label: string): ClaProvider | "total" | undefined {
  const l = label.replace(/\s+/g, " ").trim().toLowerCase();
  if (l === "all children" || l === "total") return "total";
  if (l.startsWith("own provision")) return "own";
  if (l.startsWith("other la ") || l === "other la") return "other LA";
  if (l.startsWith("other public")) return "other public";
  if (l.startsWith("private")) return "private";
  if (l.startsWith("voluntary")) return "voluntary";
  if (l.startsWith("parents") || l.startsWith("placed with parents")) return "parents";
  if (l.includes("not reported")) return "not reported";
  return undefined;
}

/**
 * DfE suppression and "no value" markers (SFR `x` / `..`; EES `c`, `z`, `x`, `u`, `k`;
 * spreadsheet leftovers `#VALUE!`, `-`, `.`). Stored in `marker` with children NULL, never 0.
 */
export const CLA_MARKERS: ReadonlySet<string> = new Set(["x", "..", "c", "z", "k", "u", "#VALUE!", "-", "."]);

/** children XOR marker, or both NULL for a blank cell (unknown, not zero). */
export type CountCell = { children: number | null; marker: string | null };

/** A count cell: a whole number, a known marker or blank; undefined when it is none of these (caller rejects). */
export function parseCountCell(raw: string | undefined): CountCell | undefined {
  const v = (raw ?? "").trim();
  if (v === "") return { children: null, marker: null };
  if (CLA_MARKERS.has(v)) return { children: null, marker: v };
  const cleaned = v.replace(/,/g, "");
  if (!/^\d+$/.test(cleaned)) return undefined;
  return { children: Number(cleaned), marker: null };
}

export function isKnownClaCouncil(code: string): boolean {
  return isCurrentCouncilCode(code) || code in ABOLISHED_COUNCILS;
}

/**
 * The DfE 3-digit code for a council row: the 3-digit code when present, else the ONS code,
 * else (only when both are blank) the name. `{ error }` names what could not be mapped.
 */
export function councilCode(
  oldCode: string | null,
  onsCode: string | null,
  name: string | null,
): { laCode: string } | { error: string } {
  if (oldCode) {
    if (/^\d{3}$/.test(oldCode) && isKnownClaCouncil(oldCode)) return { laCode: oldCode };
    return { error: `LA code '${oldCode}' is not a known council` };
  }
  if (onsCode) {
    const mapped = laCodeForOnsCode(onsCode);
    if (mapped) return { laCode: mapped };
    return { error: `ONS code '${onsCode}' is not a known council` };
  }
  const byName = councilCodeForName(name);
  if (byName) return { laCode: byName };
  return { error: `council '${name ?? ""}' has no LA or ONS code and its name is not known` };
}

/** A row of `cla_placements` before source, file and line are attached. */
export interface ClaRow {
  laCode: string | null;
  year: number;
  provider: ClaProvider;
  placementType: string | null;
  cell: CountCell;
}

/**
 * One placement file, opened: its non-blank data records and what each becomes — its rows
 * (an SFR record gives one per provider) or a reject with its reason.
 */
export interface ClaFile {
  records: Iterable<{ line: number; record: CsvRecord }>;
  read(record: CsvRecord): ClaRow[] | { reject: string };
}
