/**
 * Shared pieces of the Ofsted parsers: recognising which Ofsted table a CSV holds (by its
 * header and title lines, then its path), and the vocabularies every vintage must be mapped
 * through — judgements, sectors, provision types and council names. Normalisers return
 * `undefined` for a value they have never seen, so the caller rejects the row with the value
 * named instead of guessing.
 */
import { councilCodeForName, normaliseSector, type Rating, type Sector } from "@lens/core";
import { CsvError, type CsvRecord, headerIndex, headerKey, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { SourceError, type SourceFile } from "../types.js";

export type OfstedTable = "providers" | "inspections" | "joiners-leavers";

/** Columns that identify a provider in every Ofsted layout (2013-14 in-year files say "Provider URN"). */
const URN_COLUMNS = ["urn", "provider urn"];
const LA_COLUMNS = ["local authority", "la"];

function isOfstedHeader(record: CsvRecord): boolean {
  const keys = new Set(record.cells.map(headerKey));
  return URN_COLUMNS.some((c) => keys.has(c)) && LA_COLUMNS.some((c) => keys.has(c)) && !keys.has("la_code");
}

/** Index of the header record (found by content: 0–9 title/note/blank lines may precede it). */
function findOfstedHeader(records: readonly CsvRecord[], maxScan = 15): number {
  for (let i = 0; i < Math.min(records.length, maxScan); i++) if (isOfstedHeader(records[i]!)) return i;
  return -1;
}

/** Parses the first bytes of a file; a cut inside a quoted field is retried on a shorter prefix. */
function sniffRecords(head: string): CsvRecord[] {
  let text = head.slice(0, head.lastIndexOf("\n") + 1);
  while (text.length > 0) {
    try {
      return parseCsv(text);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      text = text.slice(0, text.lastIndexOf("\n", text.length - 2) + 1);
    }
  }
  return [];
}

/** The header's names (as headerKey spells them) and the title above it, from the first bytes; null if none is found. */
export async function sniffOfstedHeader(file: SourceFile): Promise<{ keys: Set<string>; title: string } | null> {
  const records = sniffRecords(await readHead(file.path, 32768));
  const h = findOfstedHeader(records);
  return h < 0 ? null : { keys: new Set(records[h]!.cells.map(headerKey)), title: titleText(records, h) };
}

/**
 * Which Ofsted table a CSV holds, or null. The 2015 provider file and the 2014-15 in-year
 * file share one header, so the title lines ("as at" / "in year") and then the path decide.
 */
async function classifyOfstedCsv(file: SourceFile): Promise<OfstedTable | null> {
  if (!file.relativePath.toLowerCase().endsWith(".csv")) return null;
  const head = await sniffOfstedHeader(file);
  if (!head) return null;
  const { keys } = head;
  if (keys.has("joiner status") || keys.has("leaver status")) return "joiners-leavers";
  const title = head.title.toLowerCase();
  const path = file.relativePath.toLowerCase();
  if (/\bin year\b/.test(title)) return "inspections";
  if (/\bas at\b/.test(title)) return "providers";
  if (keys.has("provider urn") || keys.has("event date")) return "inspections";
  if (/inspec|in[-_ ]?year/.test(path)) return "inspections";
  if (/provider/.test(path)) return "providers";
  return null;
}

/** Title lines above the header, for snapshot dates and periods. */
function titleText(records: readonly CsvRecord[], headerAt: number): string {
  return records
    .slice(0, headerAt)
    .map((r) => r.cells.join(" "))
    .join(" ");
}

/** Reads a cell by the first of several header names present; trims; blank and NULL → null. */
export class Columns {
  private readonly map: Map<string, number>;
  constructor(header: CsvRecord) {
    this.map = headerIndex(header);
  }
  has(...names: string[]): boolean {
    return names.some((n) => this.map.has(n));
  }
  /** The first of `names` that the header has, or undefined. */
  index(...names: string[]): number | undefined {
    for (const n of names) {
      const i = this.map.get(n);
      if (i !== undefined) return i;
    }
    return undefined;
  }
}

export function cellAt(record: CsvRecord, index: number | undefined): string | null {
  if (index === undefined) return null;
  const raw = record.cells[index];
  if (raw === undefined) return null;
  const v = raw.trim();
  return v === "" || v.toUpperCase() === "NULL" ? null : v;
}

// ---------------------------------------------------------------------------------------
// Judgements

const FOUR_POINT: Readonly<Record<string, Rating>> = {
  outstanding: "Outstanding",
  good: "Good",
  "requires improvement": "Requires improvement",
  "requires improvement to be good": "Requires improvement",
  // Pre-April-2015 framework; Ofsted's own time series counts Adequate as requires improvement.
  adequate: "Requires improvement",
  satisfactory: "Requires improvement",
  inadequate: "Inadequate",
};

/**
 * Outcomes that are not a point on the 4-point scale: interim inspections, monitoring
 * outcomes of the old frameworks, and the 2025 supported-accommodation outcomes. They keep
 * overall_rating NULL and survive in overall_rating_original.
 */
const NOT_FOUR_POINT = new Set([
  "improved effectiveness",
  "sustained effectiveness",
  "declined in effectiveness",
  "declined effectiveness",
  "not judged",
  "nms not met",
  "good progress",
  "consistently strong service delivery",
  "inconsistent quality of service delivery",
  "serious or widespread weaknesses",
]);

/** 4-point rating, null (blank or a known non-4-point outcome), or undefined (never seen: reject). */
export function normaliseRating(raw: string | null): Rating | null | undefined {
  if (raw === null) return null;
  const key = raw.replace(/\s+/g, " ").trim().toLowerCase();
  if (key in FOUR_POINT) return FOUR_POINT[key];
  if (NOT_FOUR_POINT.has(key)) return null;
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Provision types

/** Synonyms across vintages (keys lower-case); everything else is only re-cased. */
const PROVISION_SYNONYMS: Readonly<Record<string, string>> = {
  // 2014-15 name of the same registration type.
  "residential special school (>295 days/year)": "Residential special school (registered as a children's home)",
  "independent fostering provider": "Independent fostering agency",
};

/**
 * One spelling per provision type: sentence case ("Children's Home" → "Children's home"),
 * acronyms kept ("CAFCASS"), plus the synonyms above. Ofsted's "children's homes" statistics
 * are exactly provision_type = 'Children's home' (secure homes and residential special
 * schools are separate types).
 */
export function normaliseProvisionType(raw: string | null): string | null {
  if (raw === null) return null;
  const collapsed = raw.replace(/\s+/g, " ").trim();
  const synonym = PROVISION_SYNONYMS[collapsed.toLowerCase()];
  if (synonym) return synonym;
  if (collapsed === collapsed.toUpperCase()) return collapsed;
  return collapsed.charAt(0).toUpperCase() + collapsed.slice(1).toLowerCase();
}

// ---------------------------------------------------------------------------------------
// Councils

/** Welsh principal councils: Ofsted lists a few supported-accommodation premises there (2025). */
const WELSH_COUNCILS = new Set(
  [
    "Blaenau Gwent",
    "Bridgend",
    "Caerphilly",
    "Cardiff",
    "Carmarthenshire",
    "Ceredigion",
    "Conwy",
    "Denbighshire",
    "Flintshire",
    "Gwynedd",
    "Isle of Anglesey",
    "Anglesey",
    "Merthyr Tydfil",
    "Monmouthshire",
    "Neath Port Talbot",
    "Newport",
    "Pembrokeshire",
    "Powys",
    "Rhondda Cynon Taf",
    "Swansea",
    "Torfaen",
    "Vale of Glamorgan",
    "Wrexham",
  ].map((n) => n.toLowerCase()),
);

type CouncilLookup = { laCode: string } | { reason: string };

/** DfE code for an Ofsted "Local authority" name of any vintage, or the reason to reject the row. */
function councilForOfstedName(raw: string | null): CouncilLookup {
  if (raw === null) return { reason: "no local authority named" };
  const laCode = councilCodeForName(raw);
  if (laCode) return { laCode };
  const name = raw.replace(/\s+/g, " ").trim();
  if (WELSH_COUNCILS.has(name.toLowerCase())) return { reason: `council '${name}' is outside England (Wales)` };
  return { reason: `council '${name}' not recognised` };
}

// ---------------------------------------------------------------------------------------
// Dates in file names and titles

const MONTHS: Readonly<Record<string, number>> = { mar: 3, march: 3, sep: 9, sept: 9, september: 9 };

/**
 * The "as at" date of a snapshot: from the file name (`provider_at_march_2022`,
 * `providers_at_sept_2014`), else from the title line ("… as at 31 March 2023"). The
 * snapshot is the last day of that month (31 March, 30 September).
 */
export function snapshotDateOf(relativePath: string, title: string): string | undefined {
  const base = relativePath.split("/").pop()?.toLowerCase() ?? "";
  const fromName = /(march|mar|sept|sep|september)[_\- ]?(\d{4})/.exec(base);
  const fromTitle = /as at (?:\d{1,2} )?(march|mar|september|sept|sep)\w* (\d{4})/i.exec(title);
  const m = fromName ?? fromTitle;
  if (!m) return undefined;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (!month) return undefined;
  const year = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(lastDay).padStart(2, "0")}`;
}

/** Financial year ending (2015 = April 2014 – March 2015) of an ISO date. */
export function financialYearEnding(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? year + 1 : year;
}

function headerNotFound(file: SourceFile, what: string): SourceError {
  return new SourceError(
    file.relativePath,
    1,
    `no ${what} header (a row with URN and Local authority) in the first lines`,
  );
}

// ---------------------------------------------------------------------------------------
// Reading a file

export interface OfstedCsv {
  header: CsvRecord;
  columns: Columns;
  title: string;
  /** The records below the header, blank ones included. */
  body: CsvRecord[];
}

/**
 * Reads (UTF-8 with or without BOM, else Windows-1252), parses, finds the header by content
 * and checks it has the `required` columns. Structural problems are SourceErrors naming the
 * file and line; row problems are left to the caller to reject.
 */
export async function readOfstedCsv(
  file: SourceFile,
  what: string,
  required: Record<string, readonly string[]>,
): Promise<OfstedCsv> {
  const { text } = await readTextFile(file.path);
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new SourceError(file.relativePath, error.line, error.reason);
    throw error;
  }
  const headerAt = findOfstedHeader(records);
  if (headerAt < 0) throw headerNotFound(file, what);
  const header = records[headerAt]!;
  // A record cut short at the very end of the file means the file was truncated: fail the
  // source rather than keep a half row. (Every real Ofsted file has equal-length records.)
  const last = records[records.length - 1];
  if (last && last !== header && last.cells.length < header.cells.length && !/[\r\n]$/.test(text))
    throw new SourceError(
      file.relativePath,
      last.line,
      `file ends in the middle of a record (${last.cells.length} of ${header.cells.length} fields): truncated?`,
    );
  const columns = new Columns(header);
  for (const [label, names] of Object.entries(required))
    if (!columns.has(...names))
      throw new SourceError(
        file.relativePath,
        header.line,
        `header has no ${label} column (looked for: ${names.join(" | ")})`,
      );
  return { header, columns, title: titleText(records, headerAt), body: records.slice(headerAt + 1) };
}

/** A data record, or the reason it cannot be read (wrong number of fields). */
function fieldCountProblem(record: CsvRecord, header: CsvRecord): string | null {
  return record.cells.length === header.cells.length
    ? null
    : `row has ${record.cells.length} fields, the header has ${header.cells.length}`;
}

/** Claims files that are named like Ofsted files even when their header is missing, so a broken file fails loudly. */
function namedLike(file: SourceFile, table: OfstedTable): boolean {
  const base = file.relativePath.split("/").pop()?.toLowerCase() ?? "";
  if (!base.endsWith(".csv")) return false;
  if (table === "providers") return /^providers?_at_/.test(base);
  if (table === "inspections") return /_inspec_/.test(base);
  return /^joiners_leavers/.test(base);
}

/** Whether `file` holds the Ofsted `table`: by header and title, else (no Ofsted header) by name. */
export async function isOfstedFile(file: SourceFile, table: OfstedTable): Promise<boolean> {
  const kind = await classifyOfstedCsv(file);
  return kind === table || (kind === null && namedLike(file, table));
}

// ---------------------------------------------------------------------------------------
// The first checks every provider-level record passes, in the order their rejects are named

/** The record's URN, or why it is rejected: a wrong field count, then a missing URN. */
export function recordUrn(
  record: CsvRecord,
  header: CsvRecord,
  urnColumn: number | undefined,
): { urn: string } | { reason: string } {
  const shape = fieldCountProblem(record, header);
  if (shape) return { reason: shape };
  const urn = cellAt(record, urnColumn);
  return urn ? { urn } : { reason: "no URN" };
}

export interface ProviderPlace {
  laCode: string;
  laName: string;
  sector: Sector | null;
  sectorOriginal: string | null;
}

/** Council (mapped to its DfE code) and sector (normalised), or why the row with this URN is rejected. */
export function recordCouncilAndSector(
  urn: string,
  record: CsvRecord,
  col: { la: number | undefined; sector: number | undefined },
): ProviderPlace | { reason: string } {
  const laName = cellAt(record, col.la);
  const council = councilForOfstedName(laName);
  if ("reason" in council) return { reason: `URN ${urn}: ${council.reason}` };
  const sectorOriginal = cellAt(record, col.sector);
  const sector = normaliseSector(sectorOriginal);
  if (sector === undefined) return { reason: `URN ${urn}: sector '${sectorOriginal}' not recognised` };
  // A council was found, so the name was present.
  return { laCode: council.laCode, laName: laName ?? "", sector, sectorOriginal };
}

/** Both checks in their order, for sources with nothing to check between them: the URN and its place, or the reject. */
export function recordProvider(
  record: CsvRecord,
  header: CsvRecord,
  col: { urn: number | undefined; la: number | undefined; sector: number | undefined },
): ({ urn: string } & ProviderPlace) | { reject: string } {
  const identified = recordUrn(record, header, col.urn);
  if ("reason" in identified) return { reject: identified.reason };
  const place = recordCouncilAndSector(identified.urn, record, col);
  if ("reason" in place) return { reject: place.reason };
  return { urn: identified.urn, ...place };
}
