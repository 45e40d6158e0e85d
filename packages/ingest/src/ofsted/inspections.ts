/**
 * Ofsted in-year inspections (2013-14 … 2023-24) → inspections, one row per inspection event.
 * Three layouts: the 2013-14 children's-home extracts with numeric judgement codes, the
 * 2013-14 "excluding children's homes" file, and the yearly "All_SocCare" files whose column
 * names drift (`Inspection …` prefixes in 2021-22). An event number read twice (the Apr–Jun
 * 2014 extract repeats 2014-15 events) is rejected as a duplicate so no inspection counts twice.
 */
import type { Rating } from "@lens/core";
import { type CsvRecord, dataRecords, parseUkDate } from "../csv.js";
import { defineSource } from "../source-frame.js";
import type { SourceFile } from "../types.js";
import {
  cellAt,
  financialYearEnding,
  isOfstedFile,
  normaliseProvisionType,
  normaliseRating,
  readOfstedCsv,
  recordProvider,
  sniffOfstedHeader,
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

/** The 2013-14 children's-home extracts, recognised by their header ("Provider URN" + "Event type group"). */
function isCodedLayout(has: (name: string) => boolean): boolean {
  return has("provider urn") && has("event type group") && has("outcomes for children and young people");
}

/** Where each inspection event (event number + URN) was first read: `file:line`. */
type EventsSeen = Map<string, string>;

export const ofstedInspectionsIngester = defineSource<"inspections", CsvRecord, EventsSeen>({
  id: "ofsted-inspections",
  label: "Ofsted in-year inspections",
  table: "inspections",
  // 289 rows of the Apr–Jun 2014 extract repeat 2014-15 events (~0.8% of all rows).
  maxRejectRate: 0.03,
  recognise: (file) => isOfstedFile(file, "inspections"),
  // Full-year files first, so a repeated event is kept from the full-year file and the
  // partial coded extract's copy is the one rejected.
  async order(files) {
    const coded = new Map<SourceFile, boolean>();
    for (const f of files) {
      const head = await sniffOfstedHeader(f);
      coded.set(f, head !== null && isCodedLayout((n) => head.keys.has(n)));
    }
    return [...files].sort(
      (a, b) => Number(coded.get(a)) - Number(coded.get(b)) || a.relativePath.localeCompare(b.relativePath),
    );
  },
  begin: () => new Map(),
  async open(file, _ctx, seen) {
    const csv = await readOfstedCsv(file, "Ofsted in-year inspection", REQUIRED);
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
    const coded = isCodedLayout((n) => c.has(n));
    return {
      records: dataRecords(csv.body),
      toRow(record, { source, line }) {
        const place = recordProvider(record, csv.header, col);
        if ("reject" in place) return place;
        const { urn } = place;
        const typeOriginal = cellAt(record, col.eventType);
        const type = normaliseInspectionType(typeOriginal);
        if (type === undefined) return { reject: `URN ${urn}: inspection type '${typeOriginal}' not recognised` };
        const ratingOriginal = cellAt(record, col.overall);
        let rating: Rating | null | undefined;
        if (coded && ratingOriginal !== null && /^\d$/.test(ratingOriginal))
          rating = type === "Full inspection" ? FULL_INSPECTION_CODES[ratingOriginal] : null;
        else rating = normaliseRating(ratingOriginal);
        if (rating === undefined)
          return {
            reject: `URN ${urn}: overall judgement '${ratingOriginal}' not recognised for a ${type ?? "blank"} event`,
          };
        const dateText = cellAt(record, col.date);
        const date = parseUkDate(dateText);
        if (date === undefined) return { reject: `URN ${urn}: inspection date '${dateText}' is not a dd/mm/yyyy date` };
        const event = eventNumber(cellAt(record, col.eventNumber));
        // One event can cover several URNs (an agency inspected with its branches), so an
        // event is identified by event number and URN together.
        if (event !== null) {
          const key = `${event} ${urn}`;
          const first = seen.get(key);
          if (first !== undefined) return { reject: `URN ${urn}: event ${event} already read from ${first}` };
          seen.set(key, `${file.relativePath}:${line}`);
        }
        return {
          urn,
          inspection_date: date,
          inspection_type: type,
          overall_rating: rating,
          overall_rating_original: ratingOriginal,
          provision_type: normaliseProvisionType(cellAt(record, col.provisionType)),
          sector: place.sector,
          la_code: place.laCode,
          year: date === null ? null : financialYearEnding(date),
          event_number: event,
          registration_status: cellAt(record, col.status),
          source,
          source_file: file.relativePath,
          source_line: line,
        };
      },
    };
  },
});
