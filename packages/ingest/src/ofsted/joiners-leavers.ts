/**
 * Ofsted "leavers and joiners" (providers registering or de-registering between 1 April and
 * 31 March, 2016-17 … 2022-23) → joiners_leavers. One source row can be both a joiner and a
 * leaver (registered and closed in the same year): it becomes two table rows, one per event,
 * and counts once as kept.
 */
import type { Sector } from "@lens/core";
import { type CsvRecord, headerKey, parseCount, parseUkDate } from "../csv.js";
import { sourceLabel } from "../source-frame.js";
import { TableWriter } from "../table-writer.js";
import { type FileStats, SourceError, type SourceFile, type SourceIngester } from "../types.js";
import {
  cellAt,
  discoverOfsted,
  forEachProviderRecord,
  normaliseProvisionType,
  parseOfstedCsv,
  parseOfstedFiles,
  recordCouncilAndSector,
  requireColumns,
} from "./ofsted-common.js";

export const JOINER_LEAVER_COLUMNS = {
  urn: ["urn"],
  provisionType: ["provision type"],
  localAuthority: ["local authority"],
  sector: ["sector"],
  places: ["places"],
  joiner: ["joiner status"],
  leaver: ["leaver status"],
  joinedOn: ["first effective date (that the provider became active)", "registration date"],
  leftOn: ["date closed", "cancelled or resigned date", "resigned/closed date"],
  /** 2017, 2018 and 2023 have no single leaving date: the earliest of these. */
  leftOnParts: [
    "first effective date (that the provider became resigned)",
    "first effective date (that the provider closed)",
    "first effective date (that the provider became cancelled)",
  ],
} as const;

const REQUIRED = {
  URN: JOINER_LEAVER_COLUMNS.urn,
  "local authority": JOINER_LEAVER_COLUMNS.localAuthority,
  "joiner status": JOINER_LEAVER_COLUMNS.joiner,
  "leaver status": JOINER_LEAVER_COLUMNS.leaver,
};

export interface JoinerLeaverRow {
  line: number;
  urn: string;
  event: "joiner" | "leaver";
  event_date: string | null;
  provision_type: string | null;
  sector: Sector | null;
  la_code: string;
  places: number | null;
  year: number;
  registration_status: string | null;
}

/** Year ending 31 March that the file covers: from the name (joiners_leavers_2022) or title ("at 31 Mar 2022"). */
export function periodYearOf(relativePath: string, title: string): number | undefined {
  const base = relativePath.split("/").pop() ?? "";
  const fromName = /(20\d\d)/.exec(base);
  const fromTitle = /at 31 mar\w* (20\d\d)/i.exec(title);
  const m = fromName ?? fromTitle;
  return m ? Number(m[1]) : undefined;
}

/** The end-of-period registration status: the last "Registration status …" column. */
function lastStatusColumn(header: CsvRecord): number | undefined {
  let found: number | undefined;
  header.cells.forEach((cell, i) => {
    if (headerKey(cell).startsWith("registration status")) found = i;
  });
  return found;
}

export function parseJoinersLeaversFile(file: SourceFile, text: string, checksum: string) {
  const csv = parseOfstedCsv(file, text, checksum, "Ofsted joiners and leavers");
  requireColumns(file, csv, REQUIRED);
  const year = periodYearOf(file.relativePath, csv.title);
  if (year === undefined)
    throw new SourceError(
      file.relativePath,
      csv.header.line,
      "cannot tell the year: no 20YY in the file name or title",
    );
  const c = csv.columns;
  const col = {
    urn: c.index(...JOINER_LEAVER_COLUMNS.urn),
    provisionType: c.index(...JOINER_LEAVER_COLUMNS.provisionType),
    la: c.index(...JOINER_LEAVER_COLUMNS.localAuthority),
    sector: c.index(...JOINER_LEAVER_COLUMNS.sector),
    places: c.index(...JOINER_LEAVER_COLUMNS.places),
    joiner: c.index(...JOINER_LEAVER_COLUMNS.joiner),
    leaver: c.index(...JOINER_LEAVER_COLUMNS.leaver),
    joinedOn: c.index(...JOINER_LEAVER_COLUMNS.joinedOn),
    leftOn: c.index(...JOINER_LEAVER_COLUMNS.leftOn),
    leftOnParts: JOINER_LEAVER_COLUMNS.leftOnParts.map((n) => c.index(n)).filter((i) => i !== undefined),
    status: lastStatusColumn(csv.header),
  };
  const rows: JoinerLeaverRow[] = [];
  const rejects: { line: number; reason: string }[] = [];
  let kept = 0;
  const read = forEachProviderRecord(csv, col.urn, rejects, (record, urn, reject) => {
    const place = recordCouncilAndSector(urn, record, col);
    if ("reason" in place) {
      reject(place.reason);
      return;
    }
    const { sector } = place;
    const isJoiner = cellAt(record, col.joiner)?.toLowerCase() === "joiner";
    const isLeaver = cellAt(record, col.leaver)?.toLowerCase() === "leaver";
    if (!isJoiner && !isLeaver) {
      reject(`URN ${urn}: neither a joiner nor a leaver`);
      return;
    }
    const placesText = cellAt(record, col.places);
    const places = parseCount(placesText);
    if (places === undefined) {
      reject(`URN ${urn}: places '${placesText}' is not a whole number`);
      return;
    }
    const dates: Record<string, string | null> = {};
    let badDate: string | null = null;
    for (const [key, idxs] of [
      ["joined", [col.joinedOn]],
      ["left", col.leftOn !== undefined ? [col.leftOn] : col.leftOnParts],
    ] as const) {
      const parsed = idxs.map((idx) => {
        const t = cellAt(record, idx);
        const d = parseUkDate(t);
        if (d === undefined) badDate = t;
        return d ?? null;
      });
      const present = parsed.filter((d): d is string => d !== null).sort();
      dates[key] = present[0] ?? null;
    }
    if (badDate !== null) {
      reject(`URN ${urn}: date '${badDate}' is not a dd/mm/yyyy date`);
      return;
    }
    const base = {
      line: record.line,
      urn,
      provision_type: normaliseProvisionType(cellAt(record, col.provisionType)),
      sector,
      la_code: place.laCode,
      places,
      year,
      registration_status: cellAt(record, col.status),
    };
    if (isJoiner) rows.push({ ...base, event: "joiner", event_date: dates.joined ?? null });
    if (isLeaver) rows.push({ ...base, event: "leaver", event_date: dates.left ?? null });
    kept++;
  });
  return { file: file.relativePath, checksum, read, kept, rows, rejects };
}

export const ofstedJoinersLeaversIngester: SourceIngester = {
  id: "ofsted-joiners-leavers",
  label: "Ofsted joiners and leavers",
  tables: ["joiners_leavers"],
  maxRejectRate: 0.02,
  discover: (files) => discoverOfsted(files, "joiners-leavers"),
  async ingest(ctx, files) {
    const parsed = await parseOfstedFiles(ctx, files, parseJoinersLeaversFile);
    const source = sourceLabel(ctx, "ofsted-joiners-leavers");
    const writer = await TableWriter.open(ctx.connection, "joiners_leavers");
    const stats: FileStats[] = [];
    try {
      for (const p of parsed) {
        for (const { line, ...fields } of p.rows)
          writer.append({ ...fields, source, source_file: p.file, source_line: line });
        for (const r of p.rejects) ctx.reject(p.file, r.line, r.reason);
        stats.push({
          file: p.file,
          checksum: p.checksum,
          rowsRead: p.read,
          rowsKept: p.kept,
          rowsRejected: p.rejects.length,
        });
      }
    } finally {
      writer.close();
    }
    return stats;
  },
};
