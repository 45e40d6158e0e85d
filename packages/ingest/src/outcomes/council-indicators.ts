/**
 * The three sources of `council_indicators`: DfE's children-looked-after outcome files, the
 * FOI release on children's homes placements and the social work workforce indicators. Files
 * are recognised by header and content, never by name. Every record is kept unless it cannot
 * be placed (area, year, an unreadable cell, a duplicate); national and regional rows are kept
 * as published.
 */
import { parseCsv } from "../csv.js";
import { FileTally } from "../file-tally.js";
import { readHead, readTextFile } from "../files.js";
import { sourceLabel } from "../source-frame.js";
import { type TableWriter, writeEachFile } from "../table-writer.js";
import {
  type FileStats,
  type IngestContext,
  parseOrSourceError,
  type SourceFile,
  type SourceIngester,
} from "../types.js";
import { detectClaOutcomeDataset, parseClaOutcomeFile } from "./cla-outcome-files.js";
import { isCswwIndicatorsHeader, parseCswwIndicators } from "./csww-indicators.js";
import { cswwSfrYear, parseCswwSfr } from "./csww-sfr.js";
import { detectFoiPart, parseFoiChildrensHomes } from "./foi-childrens-homes.js";
import type { IndicatorParse } from "./indicator-rows.js";

type Parser = (text: string, file: string) => IndicatorParse;

function sniffCells(line: string): string[] {
  try {
    return parseCsv(line)[0]?.cells ?? [];
  } catch {
    return []; // an unterminated quote: not a header line
  }
}

/** The first 20 lines of a file as cells (headers have no line breaks), and the head as text. */
async function headOf(path: string): Promise<{ lines: string[][]; text: string }> {
  const text = await readHead(path, 65536);
  return { lines: text.split(/\r?\n/).slice(0, 20).map(sniffCells), text };
}

const isCsv = (f: SourceFile) => f.relativePath.toLowerCase().endsWith(".csv");

function indicatorIngester(
  id: string,
  label: string,
  claims: (head: { lines: string[][]; text: string }) => boolean,
  parse: Parser,
  maxRejectRate: number,
): SourceIngester {
  return {
    id,
    label,
    tables: ["council_indicators"],
    maxRejectRate,
    async discover(files) {
      const found: SourceFile[] = [];
      for (const f of files) if (isCsv(f) && claims(await headOf(f.path))) found.push(f);
      return found;
    },
    ingest: (ctx, files) =>
      writeEachFile(ctx.connection, "council_indicators", files, (file, writer) =>
        ingestFile(ctx, id, file, writer, parse),
      ),
  };
}

async function ingestFile(
  ctx: IngestContext,
  sourceId: string,
  file: SourceFile,
  writer: TableWriter<"council_indicators">,
  parse: Parser,
): Promise<FileStats> {
  ctx.progress(`reading ${file.relativePath}`);
  const { text, checksum } = await readTextFile(file.path);
  const parsed = parseOrSourceError(file.relativePath, () => parse(text, file.relativePath));
  const tally = new FileTally(ctx, file, checksum);
  tally.read = parsed.read;
  tally.kept = parsed.kept;
  for (const r of parsed.rejects) tally.reject(r.line, r.reason);
  const source = sourceLabel(ctx, sourceId);
  for (const row of parsed.rows)
    writer.append({
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
      source_line: row.line,
    });
  return tally.stats();
}

export const claOutcomesIngester = indicatorIngester(
  "dfe-cla-outcomes",
  "DfE children looked after: placement stability, new placements, care leavers",
  ({ lines, text }) => lines.some((cells) => detectClaOutcomeDataset(cells, text) !== undefined),
  parseClaOutcomeFile,
  // Every record is kept when it can be placed; a few percent rejected means the layout moved.
  0.05,
);

export const foiChildrensHomesIngester = indicatorIngester(
  "dfe-foi-childrens-homes",
  "DfE FOI: children placed in children's homes (net gain, outside the council)",
  ({ lines }) => lines.some((cells) => detectFoiPart(cells, lines[0]?.[0] ?? "") !== undefined),
  parseFoiChildrensHomes,
  0.05,
);

export const cswwIndicatorsIngester = indicatorIngester(
  "dfe-csww",
  "DfE children's social work workforce indicators",
  ({ lines }) => lines.some((cells) => isCswwIndicatorsHeader(cells) || cswwSfrYear(cells) !== undefined),
  // One source, two layouts: the EES indicators file (2017 on) and the SFR files (2015, 2016).
  (text, file) => {
    const head = parseCsv(text.slice(0, 65536).split(/\r?\n/)[0] ?? "")[0]?.cells ?? [];
    return cswwSfrYear(head) !== undefined ? parseCswwSfr(text, file) : parseCswwIndicators(text, file);
  },
  0.05,
);
