/**
 * Ofsted "leavers and joiners" (providers registering or de-registering between 1 April and
 * 31 March, 2016-17 … 2022-23) → joiners_leavers. One source row can be both a joiner and a
 * leaver (registered and closed in the same year): it becomes two table rows, one per event,
 * and counts once as kept.
 */
import { type CsvRecord, dataRecords, headerKey, parseCount, parseUkDate } from "../csv.js";
import { defineSource } from "../source-frame.js";
import { SourceError } from "../types.js";
import { cellAt, isOfstedFile, normaliseProvisionType, readOfstedCsv, recordProvider } from "./ofsted-common.js";

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

export const ofstedJoinersLeaversIngester = defineSource<"joiners_leavers", CsvRecord>({
  id: "ofsted-joiners-leavers",
  label: "Ofsted joiners and leavers",
  table: "joiners_leavers",
  maxRejectRate: 0.02,
  recognise: (file) => isOfstedFile(file, "joiners-leavers"),
  async open(file) {
    const csv = await readOfstedCsv(file, "Ofsted joiners and leavers", REQUIRED);
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
    return {
      records: dataRecords(csv.body),
      toRow(record, { source, line }) {
        const place = recordProvider(record, csv.header, col);
        if ("reject" in place) return place;
        const { urn } = place;
        const isJoiner = cellAt(record, col.joiner)?.toLowerCase() === "joiner";
        const isLeaver = cellAt(record, col.leaver)?.toLowerCase() === "leaver";
        if (!isJoiner && !isLeaver) return { reject: `URN ${urn}: neither a joiner nor a leaver` };
        const placesText = cellAt(record, col.places);
        const places = parseCount(placesText);
        if (places === undefined) return { reject: `URN ${urn}: places '${placesText}' is not a whole number` };
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
        if (badDate !== null) return { reject: `URN ${urn}: date '${badDate}' is not a dd/mm/yyyy date` };
        const base = {
          urn,
          provision_type: normaliseProvisionType(cellAt(record, col.provisionType)),
          sector: place.sector,
          la_code: place.laCode,
          places,
          year,
          registration_status: cellAt(record, col.status),
          source,
          source_file: file.relativePath,
          source_line: line,
        };
        return [
          ...(isJoiner ? [{ ...base, event: "joiner", event_date: dates.joined ?? null }] : []),
          ...(isLeaver ? [{ ...base, event: "leaver", event_date: dates.left ?? null }] : []),
        ];
      },
    };
  },
});
