/**
 * Ofsted "provider level as at 31 March" snapshots (Sep 2014, March 2015–2025, the 2018
 * part-2 list, and the generated sample in the 2019+ layout) → provider_snapshots, one row
 * per provider per file. Column names drift every year, so each field is read by a list of
 * the names it has had. A row is kept only when its council maps to a DfE code and its
 * sector and judgement are known vocabulary; otherwise it is rejected with the value named.
 */
import type { Rating, Sector } from "@lens/core";
import { parseCount, parseUkDate } from "../csv.js";
import { sourceLabel } from "../source-frame.js";
import { TableWriter } from "../table-writer.js";
import { type FileStats, type IngestContext, SourceError, type SourceFile, type SourceIngester } from "../types.js";
import { normaliseInspectionType } from "./inspections.js";
import {
  cellAt,
  discoverOfsted,
  forEachProviderRecord,
  normaliseProvisionType,
  normaliseRating,
  parseOfstedCsv,
  parseOfstedFiles,
  recordCouncilAndSector,
  requireColumns,
  snapshotDateOf,
} from "./ofsted-common.js";

/** Every name each field has had, newest first (matched after trimming, collapsing whitespace, lower-casing). */
export const PROVIDER_COLUMNS = {
  urn: ["urn"],
  provisionType: ["provision type"],
  localAuthority: ["local authority", "la"],
  sector: ["sector"],
  places: ["places", "max/estimated places"],
  registrationStatus: ["registration status", "reg status"],
  owner: ["organisation which owns the provider", "organisation name", "organisation"],
  eventType: ["latest full inspection event type", "event type", "inspection type"],
  inspectionDate: ["latest full inspection date", "inspection date"],
  overall: [
    "overall experiences and progress of children and young people",
    "latest full inspection overall experiences and progress of children and young people",
    "overall effectiveness",
  ],
  supportedAccommodationOutcome: ["supported accommodation outcome"],
} as const;

const REQUIRED = {
  URN: PROVIDER_COLUMNS.urn,
  "provision type": PROVIDER_COLUMNS.provisionType,
  "local authority": PROVIDER_COLUMNS.localAuthority,
  sector: PROVIDER_COLUMNS.sector,
};

export interface ProviderRow {
  line: number;
  urn: string;
  provision_type: string | null;
  provision_type_original: string | null;
  sector: Sector | null;
  sector_original: string | null;
  la_code: string;
  la_name_original: string;
  places: number | null;
  registration_status: string | null;
  overall_rating: Rating | null;
  overall_rating_original: string | null;
  supported_accommodation_outcome: string | null;
  inspection_date: string | null;
  inspection_event_type: string | null;
  owner_name: string | null;
}

export interface ParsedProviderFile {
  file: string;
  checksum: string;
  snapshotDate: string;
  /** Whether the layout has latest-inspection columns (Sep 2014 and 2018 part 2 do not). */
  hasInspectionColumns: boolean;
  read: number;
  rows: ProviderRow[];
  rejects: { line: number; reason: string }[];
}

/** Parses one provider file (already decoded). Pure: no database. */
export function parseProviderFile(file: SourceFile, text: string, checksum: string): ParsedProviderFile {
  const csv = parseOfstedCsv(file, text, checksum, "Ofsted provider");
  requireColumns(file, csv, REQUIRED);
  const snapshotDate = snapshotDateOf(file.relativePath, csv.title);
  if (!snapshotDate)
    throw new SourceError(
      file.relativePath,
      csv.header.line,
      "cannot tell the snapshot date: neither the file name (provider_at_march_YYYY) nor a title line (as at 31 March YYYY) names it",
    );
  const c = csv.columns;
  const col = {
    urn: c.index(...PROVIDER_COLUMNS.urn),
    provisionType: c.index(...PROVIDER_COLUMNS.provisionType),
    la: c.index(...PROVIDER_COLUMNS.localAuthority),
    sector: c.index(...PROVIDER_COLUMNS.sector),
    places: c.index(...PROVIDER_COLUMNS.places),
    status: c.index(...PROVIDER_COLUMNS.registrationStatus),
    owner: c.index(...PROVIDER_COLUMNS.owner),
    inspectionDate: c.index(...PROVIDER_COLUMNS.inspectionDate),
    eventType: c.index(...PROVIDER_COLUMNS.eventType),
    overall: c.index(...PROVIDER_COLUMNS.overall),
    sa: c.index(...PROVIDER_COLUMNS.supportedAccommodationOutcome),
  };
  const hasInspectionColumns = col.inspectionDate !== undefined && col.overall !== undefined;
  const rows: ProviderRow[] = [];
  const rejects: ParsedProviderFile["rejects"] = [];
  const firstLineOf = new Map<string, number>();
  const read = forEachProviderRecord(csv, col.urn, rejects, (record, urn, reject) => {
    const first = firstLineOf.get(urn);
    if (first !== undefined) {
      reject(`URN ${urn} repeated (first at line ${first})`);
      return;
    }
    firstLineOf.set(urn, record.line);
    const place = recordCouncilAndSector(urn, record, col);
    if ("reason" in place) {
      reject(place.reason);
      return;
    }
    const { sector, sectorOriginal } = place;
    const ratingOriginal = cellAt(record, col.overall);
    const rating = normaliseRating(ratingOriginal);
    if (rating === undefined) {
      reject(`URN ${urn}: overall judgement '${ratingOriginal}' not recognised`);
      return;
    }
    const eventTypeOriginal = cellAt(record, col.eventType);
    const eventType = normaliseInspectionType(eventTypeOriginal);
    if (eventType === undefined) {
      reject(`URN ${urn}: inspection event type '${eventTypeOriginal}' not recognised`);
      return;
    }
    // A few rows of the "latest full inspection" columns hold a monitoring inspection with a
    // judgement. Ofsted's Table 8c counts them in every year but 2023, so the judgement is
    // kept as published and inspection_event_type lets a query leave them out.
    const dateText = cellAt(record, col.inspectionDate);
    const inspectionDate = parseUkDate(dateText);
    if (inspectionDate === undefined) {
      reject(`URN ${urn}: inspection date '${dateText}' is not a dd/mm/yyyy date`);
      return;
    }
    const placesText = cellAt(record, col.places);
    let places = parseCount(placesText);
    if (places === undefined) {
      // Sep 2014 has one fractional capacity (110.8): kept as unknown rather than rounded.
      if (placesText !== null && /^\d+\.\d+$/.test(placesText)) places = null;
      else {
        reject(`URN ${urn}: places '${placesText}' is not a whole number`);
        return;
      }
    }
    const provisionOriginal = cellAt(record, col.provisionType);
    rows.push({
      line: record.line,
      urn,
      provision_type: normaliseProvisionType(provisionOriginal),
      provision_type_original: provisionOriginal,
      sector,
      sector_original: sectorOriginal,
      la_code: place.laCode,
      la_name_original: place.laName,
      places,
      registration_status: cellAt(record, col.status),
      overall_rating: rating,
      overall_rating_original: ratingOriginal,
      supported_accommodation_outcome: cellAt(record, col.sa),
      inspection_date: inspectionDate,
      inspection_event_type: eventType,
      owner_name: cellAt(record, col.owner),
    });
  });
  return { file: file.relativePath, checksum, snapshotDate, hasInspectionColumns, read, rows, rejects };
}

/**
 * Whether a file lists every registered provider: files without inspection columns are
 * registers (Sep 2014, 2018 part 2); files with them cover all registered providers exactly
 * when some providers have no latest full inspection (2021, 2022, 2025, the sample). The
 * 2015–2020, 2023 and 2024 files list inspected providers only.
 */
export function coversAllRegistered(parsed: ParsedProviderFile): boolean {
  return !parsed.hasInspectionColumns || parsed.rows.some((r) => r.inspection_date === null);
}

/**
 * When two files share a snapshot date (31 March 2018: the inspected-only file with
 * judgements and the part-2 register without), the register is supplementary: counting
 * providers for that date must pick one. More than one file with judgements for a date is
 * an error (a duplicate file would double every count).
 */
export function supplementaryFiles(parsed: readonly ParsedProviderFile[]): Set<string> {
  const byDate = new Map<string, ParsedProviderFile[]>();
  for (const p of parsed) byDate.set(p.snapshotDate, [...(byDate.get(p.snapshotDate) ?? []), p]);
  const out = new Set<string>();
  for (const [date, group] of byDate) {
    if (group.length < 2) continue;
    const withJudgements = group.filter((p) => p.hasInspectionColumns);
    const registers = group.filter((p) => !p.hasInspectionColumns);
    if (withJudgements.length !== 1 || registers.length !== group.length - 1)
      throw new SourceError(
        group[1]!.file,
        null,
        `${group.length} provider files for snapshot ${date} (${group.map((g) => g.file).join(", ")}): expected at most one with judgements plus registers`,
      );
    for (const r of registers) out.add(r.file);
  }
  return out;
}

export const ofstedProvidersIngester: SourceIngester = {
  id: "ofsted-providers",
  label: "Ofsted provider snapshots (as at 31 March)",
  tables: ["provider_snapshots"],
  // Real files reject well under 1% (Welsh premises in 2025 only); more means a layout change.
  maxRejectRate: 0.02,
  discover: (files) => discoverOfsted(files, "providers"),
  async ingest(ctx, files) {
    const parsed = await parseOfstedFiles(ctx, files, parseProviderFile);
    const supplementary = supplementaryFiles(parsed);
    const source = sourceLabel(ctx, "ofsted-providers");
    const writer = await TableWriter.open(ctx.connection, "provider_snapshots");
    const stats: FileStats[] = [];
    try {
      for (const p of parsed) stats.push(writeProviderFile(ctx, writer, p, source, supplementary.has(p.file)));
    } finally {
      writer.close();
    }
    return stats;
  },
};

function writeProviderFile(
  ctx: IngestContext,
  writer: TableWriter<"provider_snapshots">,
  p: ParsedProviderFile,
  source: string,
  isSupplementary: boolean,
): FileStats {
  const covers = coversAllRegistered(p);
  const year = Number(p.snapshotDate.slice(0, 4));
  for (const r of p.rows) {
    const { line, ...fields } = r;
    writer.append({
      ...fields,
      snapshot_date: p.snapshotDate,
      year,
      covers_all_registered: covers,
      is_supplementary: isSupplementary,
      source,
      source_file: p.file,
      source_line: line,
    });
  }
  for (const r of p.rejects) ctx.reject(p.file, r.line, r.reason);
  return {
    file: p.file,
    checksum: p.checksum,
    rowsRead: p.read,
    rowsKept: p.rows.length,
    rowsRejected: p.rejects.length,
  };
}
