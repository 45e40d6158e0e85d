/**
 * Ofsted in-year inspections (2013-14 … 2023-24) → inspections, one row per inspection event.
 * Three layouts: the 2013-14 children's-home extracts with numeric judgement codes, the
 * 2013-14 "excluding children's homes" file, and the yearly "All_SocCare" files whose column
 * names drift (`Inspection …` prefixes in 2021-22). An event number read twice (the Apr–Jun
 * 2014 extract repeats 2014-15 events) is rejected as a duplicate so no inspection counts twice.
 */
import type { Rating, Sector } from "@lens/core";
import { parseUkDate } from "../csv.js";
import { sourceLabel } from "../source-frame.js";
import { TableWriter } from "../table-writer.js";
import type { FileStats, SourceFile, SourceIngester } from "../types.js";
import {
  cellAt,
  discoverOfsted,
  financialYearEnding,
  forEachProviderRecord,
  normaliseProvisionType,
  normaliseRating,
  type OfstedCsv,
  parseOfstedCsv,
  parseOfstedFiles,
  recordCouncilAndSector,
  requireColumns,
} from "./ofsted-common.js";

export const INSPECTION_COLUMNS = {
  urn: ["urn", "provider urn"],
  provisionType: ["provision type", "provider type"],
  localAuthority: ["local authority"],
  sector: ["sector"],
  registrationStatus: ["registration status", "reg status", "provider status"],
  eventType: ["inspection event type", "event type", "inspection type", "event type group"],
  date: ["inspection date", "event date"],
  eventNumber: ["inspection event number", "event number", "inspection id"],
  overall: [
    "inspection overall experiences and progress of children and young people",
    "overall experiences and progress of children and young people",
    "overall effectiveness",
  ],
} as const;

const REQUIRED = {
  URN: INSPECTION_COLUMNS.urn,
  "local authority": INSPECTION_COLUMNS.localAuthority,
  "inspection date": INSPECTION_COLUMNS.date,
  "inspection type": INSPECTION_COLUMNS.eventType,
  "overall judgement": INSPECTION_COLUMNS.overall,
};

/** Inspection types of every vintage → one spelling ("SC Interim" → "Interim inspection"). */
export function normaliseInspectionType(raw: string | null): string | null | undefined {
  if (raw === null) return null;
  const key = raw.toLowerCase();
  if (key.includes("full")) return "Full inspection";
  if (key.includes("interim")) return "Interim inspection";
  if (key.includes("monitoring")) return "Monitoring inspection";
  if (key.includes("emergency")) return "Emergency inspection";
  if (key.includes("assurance")) return "Assurance visit";
  return undefined;
}

/**
 * 2013-14 children's-home extracts code full-inspection judgements 1–4 in Ofsted's ordinal
 * order (inferred: 1 Outstanding … 4 Inadequate, 3 = Adequate). Interim codes (2–5) have no
 * documented meaning: rating NULL, code kept in overall_rating_original.
 */
const FULL_INSPECTION_CODES: Readonly<Record<string, Rating>> = {
  "1": "Outstanding",
  "2": "Good",
  "3": "Requires improvement",
  "4": "Inadequate",
};

/**
 * Event numbers are identifiers; two in 2022-23 were saved by a spreadsheet as `1.02E+07`,
 * which no longer identifies an event: those become NULL (the row is kept).
 */
function eventNumber(raw: string | null): string | null {
  return raw === null || /e\+/i.test(raw) ? null : raw;
}

export interface InspectionRow {
  line: number;
  urn: string;
  inspection_date: string | null;
  inspection_type: string | null;
  overall_rating: Rating | null;
  overall_rating_original: string | null;
  provision_type: string | null;
  sector: Sector | null;
  la_code: string;
  year: number | null;
  event_number: string | null;
  registration_status: string | null;
}

export interface ParsedInspectionFile {
  file: string;
  checksum: string;
  /** Whether judgements are numeric codes (the 2013-14 children's-home extracts). */
  coded: boolean;
  read: number;
  rows: InspectionRow[];
  rejects: { line: number; reason: string }[];
}

export function parseInspectionFile(file: SourceFile, text: string, checksum: string): ParsedInspectionFile {
  const csv: OfstedCsv = parseOfstedCsv(file, text, checksum, "Ofsted in-year inspection");
  requireColumns(file, csv, REQUIRED);
  const c = csv.columns;
  const col = {
    urn: c.index(...INSPECTION_COLUMNS.urn),
    provisionType: c.index(...INSPECTION_COLUMNS.provisionType),
    la: c.index(...INSPECTION_COLUMNS.localAuthority),
    sector: c.index(...INSPECTION_COLUMNS.sector),
    status: c.index(...INSPECTION_COLUMNS.registrationStatus),
    eventType: c.index(...INSPECTION_COLUMNS.eventType),
    date: c.index(...INSPECTION_COLUMNS.date),
    eventNumber: c.index(...INSPECTION_COLUMNS.eventNumber),
    overall: c.index(...INSPECTION_COLUMNS.overall),
  };
  // The coded layout is recognised by its header ("Provider URN" + "Event type group").
  const coded = c.has("provider urn") && c.has("event type group") && c.has("outcomes for children and young people");
  const rows: InspectionRow[] = [];
  const rejects: ParsedInspectionFile["rejects"] = [];
  const read = forEachProviderRecord(csv, col.urn, rejects, (record, urn, reject) => {
    const place = recordCouncilAndSector(urn, record, col);
    if ("reason" in place) {
      reject(place.reason);
      return;
    }
    const { sector } = place;
    const typeOriginal = cellAt(record, col.eventType);
    const type = normaliseInspectionType(typeOriginal);
    if (type === undefined) {
      reject(`URN ${urn}: inspection type '${typeOriginal}' not recognised`);
      return;
    }
    const ratingOriginal = cellAt(record, col.overall);
    let rating: Rating | null | undefined;
    if (coded && ratingOriginal !== null && /^\d$/.test(ratingOriginal))
      rating = type === "Full inspection" ? FULL_INSPECTION_CODES[ratingOriginal] : null;
    else rating = normaliseRating(ratingOriginal);
    if (rating === undefined) {
      reject(`URN ${urn}: overall judgement '${ratingOriginal}' not recognised for a ${type ?? "blank"} event`);
      return;
    }
    const dateText = cellAt(record, col.date);
    const date = parseUkDate(dateText);
    if (date === undefined) {
      reject(`URN ${urn}: inspection date '${dateText}' is not a dd/mm/yyyy date`);
      return;
    }
    rows.push({
      line: record.line,
      urn,
      inspection_date: date,
      inspection_type: type,
      overall_rating: rating,
      overall_rating_original: ratingOriginal,
      provision_type: normaliseProvisionType(cellAt(record, col.provisionType)),
      sector,
      la_code: place.laCode,
      year: date === null ? null : financialYearEnding(date),
      event_number: eventNumber(cellAt(record, col.eventNumber)),
      registration_status: cellAt(record, col.status),
    });
  });
  return { file: file.relativePath, checksum, coded, read, rows, rejects };
}

export const ofstedInspectionsIngester: SourceIngester = {
  id: "ofsted-inspections",
  label: "Ofsted in-year inspections",
  tables: ["inspections"],
  // 289 rows of the Apr–Jun 2014 extract repeat 2014-15 events (~0.8% of all rows).
  maxRejectRate: 0.03,
  discover: (files) => discoverOfsted(files, "inspections"),
  async ingest(ctx, files) {
    const parsed = await parseOfstedFiles(ctx, files, parseInspectionFile);
    // Full-year files first, so a repeated event is kept from the full-year file and the
    // partial coded extract's copy is the one rejected.
    parsed.sort((a, b) => Number(a.coded) - Number(b.coded) || a.file.localeCompare(b.file));
    const source = sourceLabel(ctx, "ofsted-inspections");
    const seen = new Map<string, string>();
    const writer = await TableWriter.open(ctx.connection, "inspections");
    const stats: FileStats[] = [];
    try {
      for (const p of parsed) {
        let kept = 0;
        let rejected = p.rejects.length;
        for (const r of p.rejects) ctx.reject(p.file, r.line, r.reason);
        for (const r of p.rows) {
          // One event can cover several URNs (an agency inspected with its branches), so an
          // event is identified by event number and URN together.
          if (r.event_number !== null) {
            const key = `${r.event_number} ${r.urn}`;
            const first = seen.get(key);
            if (first !== undefined) {
              rejected++;
              ctx.reject(p.file, r.line, `URN ${r.urn}: event ${r.event_number} already read from ${first}`);
              continue;
            }
            seen.set(key, `${p.file}:${r.line}`);
          }
          const { line, ...fields } = r;
          writer.append({ ...fields, source, source_file: p.file, source_line: line });
          kept++;
        }
        stats.push({ file: p.file, checksum: p.checksum, rowsRead: p.read, rowsKept: kept, rowsRejected: rejected });
      }
    } finally {
      writer.close();
    }
    return stats;
  },
};
