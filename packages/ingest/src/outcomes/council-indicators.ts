/**
 * The three sources of `council_indicators`: DfE's children-looked-after outcome files, the
 * FOI release on children's homes placements and the social work workforce indicators. Files
 * are recognised by header and content, never by name. Every record is kept unless it cannot
 * be placed (area, year, an unreadable cell, a duplicate); national and regional rows are kept
 * as published.
 */
import { parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { defineSource, type OpenedFile } from "../source-frame.js";
import type { SourceFile } from "../types.js";
import { detectClaOutcomeDataset, openClaOutcomeFile } from "./cla-outcome-files.js";
import { isCswwIndicatorsHeader, openCswwIndicators } from "./csww-indicators.js";
import { cswwSfrYear, openCswwSfr } from "./csww-sfr.js";
import { detectFoiPart, openFoiChildrensHomes } from "./foi-childrens-homes.js";
import type { IndicatorFile } from "./indicator-rows.js";

function sniffCells(line: string): string[] {
  try {
    return parseCsv(line)[0]?.cells ?? [];
  } catch {
    return []; // an unterminated quote: not a header line
  }
}

/** The first 20 lines of a file as cells (headers have no line breaks), and the head as text. */
interface Head {
  lines: string[][];
  text: string;
}

/** Recognises a CSV by its head. */
function recogniseHead(claims: (head: Head) => boolean): (file: SourceFile) => Promise<boolean> {
  return async (file) => {
    if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
    const text = await readHead(file.path, 65536);
    return claims({ lines: text.split(/\r?\n/).slice(0, 20).map(sniffCells), text });
  };
}

/** Reads a file's text and opens it with the source's reader, whose rows become council_indicators rows. */
async function openIndicatorFile<R>(
  file: SourceFile,
  open: (text: string, file: string) => IndicatorFile<R>,
): Promise<OpenedFile<"council_indicators", R>> {
  const opened = open((await readTextFile(file.path)).text, file.relativePath);
  return {
    records: opened.records,
    toRow(record, { source, line }) {
      const rows = opened.read(record);
      if ("reject" in rows) return rows;
      return rows.map((row) => ({
        indicator: row.indicator,
        year: row.year,
        geographic_level: row.area.level,
        la_code: row.area.laCode,
        region_code: row.area.regionCode,
        region_name: row.area.regionName,
        breakdown: row.breakdown,
        measure: row.measure,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        published_value: row.publishedValue,
        marker: row.marker,
        source,
        source_file: file.relativePath,
        source_line: line,
      }));
    },
  };
}

export const claOutcomesIngester = defineSource({
  id: "dfe-cla-outcomes",
  label: "DfE children looked after: placement stability, new placements, care leavers",
  table: "council_indicators",
  // Every record is kept when it can be placed; a few percent rejected means the layout moved.
  maxRejectRate: 0.05,
  recognise: recogniseHead(({ lines, text }) =>
    lines.some((cells) => detectClaOutcomeDataset(cells, text) !== undefined),
  ),
  open: (file) => openIndicatorFile(file, openClaOutcomeFile),
});

export const foiChildrensHomesIngester = defineSource({
  id: "dfe-foi-childrens-homes",
  label: "DfE FOI: children placed in children's homes (net gain, outside the council)",
  table: "council_indicators",
  maxRejectRate: 0.05,
  recognise: recogniseHead(({ lines }) =>
    lines.some((cells) => detectFoiPart(cells, lines[0]?.[0] ?? "") !== undefined),
  ),
  open: (file) => openIndicatorFile(file, openFoiChildrensHomes),
});

export const cswwIndicatorsIngester = defineSource({
  id: "dfe-csww",
  label: "DfE children's social work workforce indicators",
  table: "council_indicators",
  maxRejectRate: 0.05,
  recognise: recogniseHead(({ lines }) =>
    lines.some((cells) => isCswwIndicatorsHeader(cells) || cswwSfrYear(cells) !== undefined),
  ),
  // One source, two layouts: the EES indicators file (2017 on) and the SFR files (2015, 2016).
  open: (file) =>
    openIndicatorFile(file, (text, name) => {
      const head = parseCsv(text.slice(0, 65536).split(/\r?\n/)[0] ?? "")[0]?.cells ?? [];
      return cswwSfrYear(head) !== undefined ? openCswwSfr(text, name) : openCswwIndicators(text, name);
    }),
});
