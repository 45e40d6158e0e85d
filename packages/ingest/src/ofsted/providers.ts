/**
 * Ofsted "provider level as at 31 March" snapshots (Sep 2014, March 2015–2025, the 2018
 * part-2 list, and the generated sample in the 2019+ layout) → provider_snapshots, one row
 * per provider per file. Column names drift every year, so each field is read by a list of
 * the names it has had. A row is kept only when its council maps to a DfE code and its
 * sector and judgement are known vocabulary; otherwise it is rejected with the value named.
 */
import { type CsvRecord, dataRecords, parseCount, parseUkDate } from "../csv.js";
import { defineSource } from "../source-frame.js";
import { SourceError } from "../types.js";
import { normaliseInspectionType } from "./inspections.js";
import {
  cellAt,
  isOfstedFile,
  normaliseProvisionType,
  normaliseRating,
  readOfstedCsv,
  recordCouncilAndSector,
  recordUrn,
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

/** What a run learns of each file: facts about the whole file, settled in `finish`. */
interface ProviderFile {
  file: string;
  snapshotDate: string;
  /** Whether the layout has latest-inspection columns (Sep 2014 and 2018 part 2 do not). */
  hasInspectionColumns: boolean;
  /** Whether a kept row has no latest full inspection. */
  hasUninspected: boolean;
}

/**
 * Whether a file lists every registered provider: files without inspection columns are
 * registers (Sep 2014, 2018 part 2); files with them cover all registered providers exactly
 * when some providers have no latest full inspection (2021, 2022, 2025, the sample). The
 * 2015–2020, 2023 and 2024 files list inspected providers only.
 */
function coversAllRegistered(p: ProviderFile): boolean {
  return !p.hasInspectionColumns || p.hasUninspected;
}

/**
 * When two files share a snapshot date (31 March 2018: the inspected-only file with
 * judgements and the part-2 register without), the register is supplementary: counting
 * providers for that date must pick one. More than one file with judgements for a date is
 * an error (a duplicate file would double every count).
 */
function supplementaryFiles(files: readonly ProviderFile[]): Set<string> {
  const byDate = new Map<string, ProviderFile[]>();
  for (const p of files) byDate.set(p.snapshotDate, [...(byDate.get(p.snapshotDate) ?? []), p]);
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

export const ofstedProvidersIngester = defineSource<"provider_snapshots", CsvRecord, ProviderFile[]>({
  id: "ofsted-providers",
  label: "Ofsted provider snapshots (as at 31 March)",
  table: "provider_snapshots",
  // Real files reject well under 1% (Welsh premises in 2025 only); more means a layout change.
  maxRejectRate: 0.02,
  recognise: (file) => isOfstedFile(file, "providers"),
  begin: () => [],
  async open(file, _ctx, run) {
    const csv = await readOfstedCsv(file, "Ofsted provider", REQUIRED);
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
    const about: ProviderFile = {
      file: file.relativePath,
      snapshotDate,
      hasInspectionColumns: col.inspectionDate !== undefined && col.overall !== undefined,
      hasUninspected: false,
    };
    run.push(about);
    const year = Number(snapshotDate.slice(0, 4));
    const firstLineOf = new Map<string, number>();
    return {
      records: dataRecords(csv.body),
      toRow(record, { source, line }) {
        const identified = recordUrn(record, csv.header, col.urn);
        if ("reason" in identified) return { reject: identified.reason };
        const { urn } = identified;
        const first = firstLineOf.get(urn);
        if (first !== undefined) return { reject: `URN ${urn} repeated (first at line ${first})` };
        firstLineOf.set(urn, line);
        const place = recordCouncilAndSector(urn, record, col);
        if ("reason" in place) return { reject: place.reason };
        const ratingOriginal = cellAt(record, col.overall);
        const rating = normaliseRating(ratingOriginal);
        if (rating === undefined) return { reject: `URN ${urn}: overall judgement '${ratingOriginal}' not recognised` };
        const eventTypeOriginal = cellAt(record, col.eventType);
        const eventType = normaliseInspectionType(eventTypeOriginal);
        if (eventType === undefined)
          return { reject: `URN ${urn}: inspection event type '${eventTypeOriginal}' not recognised` };
        // A few rows of the "latest full inspection" columns hold a monitoring inspection with a
        // judgement. Ofsted's Table 8c counts them in every year but 2023, so the judgement is
        // kept as published and inspection_event_type lets a query leave them out.
        const dateText = cellAt(record, col.inspectionDate);
        const inspectionDate = parseUkDate(dateText);
        if (inspectionDate === undefined)
          return { reject: `URN ${urn}: inspection date '${dateText}' is not a dd/mm/yyyy date` };
        const placesText = cellAt(record, col.places);
        let places = parseCount(placesText);
        if (places === undefined) {
          // Sep 2014 has one fractional capacity (110.8): kept as unknown rather than rounded.
          if (placesText !== null && /^\d+\.\d+$/.test(placesText)) places = null;
          else return { reject: `URN ${urn}: places '${placesText}' is not a whole number` };
        }
        if (inspectionDate === null) about.hasUninspected = true;
        const provisionOriginal = cellAt(record, col.provisionType);
        return {
          snapshot_date: snapshotDate,
          year,
          urn,
          provision_type: normaliseProvisionType(provisionOriginal),
          provision_type_original: provisionOriginal,
          sector: place.sector,
          sector_original: place.sectorOriginal,
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
          // Facts about the whole file and about every file of its date: set in finish.
          covers_all_registered: false,
          is_supplementary: false,
          source,
          source_file: file.relativePath,
          source_line: line,
        };
      },
    };
  },
  async finish(ctx, _files, run) {
    const supplementary = supplementaryFiles(run);
    for (const p of run)
      await ctx.connection.run(
        "UPDATE provider_snapshots SET covers_all_registered = $1, is_supplementary = $2 WHERE source_file = $3",
        [coversAllRegistered(p), supplementary.has(p.file), p.file],
      );
  },
});
