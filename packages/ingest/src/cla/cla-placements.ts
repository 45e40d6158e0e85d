/**
 * The `dfe-cla` source: children looked after at 31 March by placement provider, into
 * `cla_placements`. Files are recognised by their header, never by name: the SFR layouts
 * (2010 without a provider split, 2011–2017 with one) and EES files that carry a placement
 * provider (national provider × placement type; LA-level "by characteristics"). EES files of
 * the same publication without providers (rates per 10,000, net gain, the national time
 * series) are not claimed and show as unrecognised in the build summary.
 */
import { type CsvRecord, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { defineSource } from "../source-frame.js";
import { SourceError } from "../types.js";
import { CLA_SOURCE_ID } from "./cla-common.js";
import { detectEesShape, isProviderGroup, openEesPlacements } from "./ees-placements.js";
import { detectSfrLayout, openSfrPlacements } from "./sfr-placements.js";

type ClaFormat = "sfr" | "ees";

/** Which parser reads a file, judged from its first records (and, for cla_group files, its content). */
export async function detectClaFormat(path: string): Promise<ClaFormat | undefined> {
  // Line by line: the sniffed head may end inside a quoted field, and headers have no line breaks.
  const lines = (await readHead(path, 8192)).split(/\r?\n/).slice(0, 20);
  const head = lines.map((line) => sniffCells(line));
  if (head[0] && detectSfrLayout(head[0])) return "sfr";
  for (const cells of head) {
    const shape = detectEesShape(cells);
    if (shape === "placement-provider") return "ees";
    if (shape === "cla-group") {
      // A characteristics file is ours only if it has a placement-provider group somewhere.
      const { text } = await readTextFile(path);
      return text.split(/\r?\n/).some((line) => isProviderGroup(line)) ? "ees" : undefined;
    }
  }
  return undefined;
}

function sniffCells(line: string): string[] {
  try {
    return parseCsv(line)[0]?.cells ?? [];
  } catch {
    return []; // an unterminated quote: not a header line
  }
}

export const claPlacementsIngester = defineSource<"cla_placements", CsvRecord>({
  id: CLA_SOURCE_ID,
  label: "DfE children looked after by placement provider",
  table: "cla_placements",
  // Regional subtotals (11 of 163 SFR records), all-provider totals and locality subtotals
  // (160 of 720 national records) and the 2010 file (no provider split) are rejects by design:
  // about 20 % of the shared data. Above 30 % the layout has probably changed.
  maxRejectRate: 0.3,
  recognise: async (file) =>
    file.relativePath.toLowerCase().endsWith(".csv") && (await detectClaFormat(file.path)) !== undefined,
  async open(file) {
    const format = await detectClaFormat(file.path);
    if (!format) throw new SourceError(file.relativePath, null, "not a DfE placement-provider file");
    const { text } = await readTextFile(file.path);
    const opened =
      format === "sfr" ? openSfrPlacements(text, file.relativePath) : openEesPlacements(text, file.relativePath);
    return {
      records: opened.records,
      toRow(record, { source, line }) {
        const rows = opened.read(record);
        if ("reject" in rows) return rows;
        return rows.map((row) => ({
          la_code: row.laCode,
          year: row.year,
          provider: row.provider,
          placement_type: row.placementType,
          children: row.cell.children,
          marker: row.cell.marker,
          source,
          source_file: file.relativePath,
          source_line: line,
        }));
      },
    };
  },
});
