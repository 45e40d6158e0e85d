/**
 * DfE FOI release 2024-0040813: children looked after at 31 March in children's homes, by
 * responsible council, 2014–2024. Part 1: net gain (other councils' children placed inside
 * the boundary minus this council's placed outside; may be negative). Part 2: this council's
 * children placed outside its boundary, number and whole-number percentage. Twelve title and
 * note lines come before the header; it is found by content.
 */
import { cell, dataRecords, findHeaderIndex, headerIndex, headerKey, parseCsv } from "../csv.js";
import { SourceError } from "../types.js";
import { areaOf, parseNumberCell, yearOf } from "./ees-area.js";
import { type IndicatorFile, percentToShare, rowKey } from "./indicator-rows.js";

export type FoiPart = "net-gain" | "outside-boundary";

const NET_GAIN = "net gain of children by responsible la";
const OUTSIDE = "placed outside the local authority boundary";

/**
 * Which part a file is: an EES header with `characteristic`, below a title about children's
 * homes (the same characteristic text appears in DfE's all-placements net-gain file, which is not this).
 */
export function detectFoiPart(headerCells: readonly string[], title: string): FoiPart | undefined {
  const keys = new Set(headerCells.map(headerKey));
  if (!["time_period", "geographic_level", "characteristic", "number"].every((k) => keys.has(k))) return undefined;
  if (!/children'?s homes/i.test(title)) return undefined;
  if (/net gain/i.test(title)) return "net-gain";
  if (/outside the local authority boundary/i.test(title) && keys.has("percentage")) return "outside-boundary";
  return undefined;
}

export function openFoiChildrensHomes(text: string, file: string): IndicatorFile {
  const records = parseCsv(text);
  const h = findHeaderIndex(records, ["time_period", "geographic_level", "characteristic", "number"]);
  const header = h >= 0 ? records[h] : undefined;
  const title = records[0]?.cells[0] ?? "";
  const part = header ? detectFoiPart(header.cells, title) : undefined;
  if (!header || !part) throw new SourceError(file, null, "not the DfE FOI children's homes placements release");
  const columns = headerIndex(header);
  const seen = new Map<string, number>();
  const indicator = part === "net-gain" ? "homes_net_gain" : "homes_placed_outside_council";
  const expected = part === "net-gain" ? NET_GAIN : OUTSIDE;
  return {
    records: dataRecords(records.slice(h + 1)),
    read(record) {
      if (record.cells.length < header.cells.length)
        return { reject: `record has ${record.cells.length} of ${header.cells.length} columns` };
      const characteristic = cell(record, columns, "characteristic") ?? "";
      if (characteristic.toLowerCase() !== expected)
        return { reject: `characteristic '${characteristic}' is not '${expected}'` };
      const year = yearOf(record, columns);
      if (year === undefined)
        return { reject: `time_period '${cell(record, columns, "time_period") ?? ""}' is not a year` };
      const area = areaOf(record, columns);
      if ("error" in area) return { reject: area.error };
      const rawNumber = record.cells[columns.get("number")!];
      const count = parseNumberCell(rawNumber);
      if (count === undefined) return { reject: `number '${rawNumber ?? ""}' is not a number or known marker` };
      const pctIndex = columns.get("percentage");
      const pct = pctIndex === undefined ? undefined : parseNumberCell(record.cells[pctIndex]);
      if (part === "outside-boundary" && pct === undefined)
        return { reject: `percentage '${record.cells[pctIndex!] ?? ""}' is not a number or known marker` };
      const key = rowKey(indicator, year, area, null);
      const earlier = seen.get(key);
      if (earlier !== undefined) return { reject: `same area and year as line ${earlier}` };
      seen.set(key, record.line);
      if (part === "net-gain")
        return [
          {
            indicator,
            year,
            area,
            breakdown: null,
            measure: "Net gain of children by responsible LA (children's homes)",
            value: count.number,
            numerator: count.number,
            denominator: null,
            publishedValue: count.number,
            marker: count.marker,
          },
        ];
      return [
        {
          indicator,
          year,
          area,
          breakdown: null,
          measure:
            "Placed outside the local authority boundary (children's homes), % of the council's children in children's homes",
          // The release gives the percentage (whole numbers) and no denominator: the value is that percentage.
          value: pct?.number === null || pct?.number === undefined ? null : percentToShare(pct.number),
          numerator: count.number,
          denominator: null,
          publishedValue: pct?.number ?? null,
          marker: pct?.marker ?? count.marker,
        },
      ];
    },
  };
}
