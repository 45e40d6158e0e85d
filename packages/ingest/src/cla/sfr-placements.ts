/**
 * DfE SFR underlying data, children looked after at 31 March by council (SFR21/2011 …
 * SFR50/2017): one record per geography with the placement-provider counts `CLA_OwnP`,
 * `CLA_OthLA`, `CLA_OthPP`, `CLA_Priv`, `CLA_Vol`, `CLA_Par`, `CLA_Nrep`. Each kept record
 * becomes one row per provider. The year comes from the `CLA_Mar<yyyy>` header, not the
 * file name. The 2010 file (SFR27, `MarTotal_2010` + `MarPlace_<code>_2010`) has no provider
 * split: it is recognised and every record rejected with that reason, so it shows in
 * build_log and rejects instead of vanishing.
 *
 * Invariant: provider rows of one council-year never double count — regional rows (sums of
 * their councils) are rejects, the national row is kept with la_code NULL.
 */
import { type CsvRecord, cell, dataRecords, headerIndex, headerKey, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import {
  type ClaFile,
  type ClaProvider,
  type ClaRow,
  type CountCell,
  councilCode,
  parseCountCell,
  REGIONAL_SUBTOTAL,
} from "./cla-common.js";

const SFR_PROVIDER_COLUMNS: readonly [string, ClaProvider][] = [
  ["CLA_OwnP", "own"],
  ["CLA_OthLA", "other LA"],
  ["CLA_OthPP", "other public"],
  ["CLA_Priv", "private"],
  ["CLA_Vol", "voluntary"],
  ["CLA_Par", "parents"],
  ["CLA_Nrep", "not reported"],
];

export const NO_PROVIDER_SPLIT = "no placement-provider split: the 2010 (SFR27) layout gives placement types only";

export type SfrLayout = { kind: "providers"; year: number } | { kind: "no-provider-split"; year: number };

/** Recognises an SFR header line by its columns. */
export function detectSfrLayout(headerCells: readonly string[]): SfrLayout | undefined {
  const keys = new Set(headerCells.map(headerKey));
  if (!["geog_l", "geog_c", "geog_n"].every((k) => keys.has(k))) return undefined;
  const yearOf = (pattern: RegExp) => {
    for (const k of keys) {
      const m = pattern.exec(k);
      if (m) return Number(m[1]);
    }
    return undefined;
  };
  const marYear = yearOf(/^cla_mar(\d{4})$/);
  if (marYear !== undefined && SFR_PROVIDER_COLUMNS.every(([c]) => keys.has(c.toLowerCase())))
    return { kind: "providers", year: marYear };
  const totalYear = yearOf(/^martotal_(\d{4})$/);
  if (totalYear !== undefined && [...keys].some((k) => k.startsWith("marplace_")))
    return { kind: "no-provider-split", year: totalYear };
  return undefined;
}

/** Throws a SourceError for a record cut short at the end of a file that lost its last line break. */
export function checkTruncation(records: readonly CsvRecord[], width: number, text: string, file: string): void {
  const last = records[records.length - 1];
  if (last && last.cells.length < width && !/[\r\n]$/.test(text))
    throw new SourceError(file, last.line, `record has ${last.cells.length} of ${width} columns: file truncated`);
}

export function openSfrPlacements(text: string, file: string): ClaFile {
  const records = parseCsv(text);
  const header = records[0];
  const layout = header ? detectSfrLayout(header.cells) : undefined;
  if (!header || !layout)
    throw new SourceError(file, 1, "not a DfE SFR children-looked-after header (geog_l, geog_c…)");
  checkTruncation(records, header.cells.length, text, file);
  const columns = headerIndex(header);
  return {
    records: dataRecords(records.slice(1)),
    read(record) {
      if (layout.kind === "no-provider-split") return { reject: NO_PROVIDER_SPLIT };
      if (record.cells.length < header.cells.length)
        return { reject: `record has ${record.cells.length} of ${header.cells.length} columns` };
      const level = (cell(record, columns, "geog_l") ?? "").toUpperCase();
      const code = cell(record, columns, "geog_c");
      let laCode: string | null;
      if (level === "NATIONAL") laCode = null;
      else if (level === "REGION") return { reject: REGIONAL_SUBTOTAL };
      else if (level === "LA" || (level === "" && code !== null && /^\d{3}$/.test(code))) {
        // 2017's Isles of Scilly row has a blank geog_l; its 3-digit geog_c says it is a council.
        const mapped = councilCode(code, cell(record, columns, "new_geog_code"), cell(record, columns, "geog_n"));
        if ("error" in mapped) return { reject: mapped.error };
        laCode = mapped.laCode;
      } else
        return {
          reject: `geography level '${level}' (code '${code ?? ""}') is neither national, regional nor a council`,
        };
      const cells: [ClaProvider, CountCell][] = [];
      const bad: string[] = [];
      for (const [column, provider] of SFR_PROVIDER_COLUMNS) {
        const raw = record.cells[columns.get(column.toLowerCase())!];
        const parsed = parseCountCell(raw);
        if (parsed === undefined) bad.push(`${column} '${raw ?? ""}'`);
        else cells.push([provider, parsed]);
      }
      if (bad.length > 0) return { reject: `not a count or known marker: ${bad.join(", ")}` };
      return cells.map(
        ([provider, c]): ClaRow => ({ laCode, year: layout.year, provider, placementType: null, cell: c }),
      );
    },
  };
}
