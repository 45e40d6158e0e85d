/**
 * Council reference: the Data to Insight lookup (DfE 3-digit code ↔ ONS code, region, council
 * type, 10 statistical neighbours in rank order) → local_authorities, statistical_neighbours.
 * Councils abolished by boundary changes are rejected with that reason: their rows in other
 * sources are mapped through the alias table instead.
 */
import { isCurrentCouncilCode } from "@lens/core";
import type { WarehouseRow } from "@lens/core/schema";
import { type CsvRecord, cell, dataRecords, findHeaderIndex, headerIndex, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { defineSource } from "../source-frame.js";
import { TableWriter } from "../table-writer.js";
import { SourceError, type SourceIngester } from "../types.js";

const REQUIRED = ["la_code", "la_code_new", "stat_neighbours", "region_name"];

interface Run {
  seen: Set<string>;
  /** Each kept council's 10 neighbours in rank order, written once every council is. */
  neighbours: WarehouseRow<"statistical_neighbours">[];
}

const councils = defineSource<"local_authorities", CsvRecord, Run>({
  id: "la-reference",
  label: "Council reference and statistical neighbours",
  table: "local_authorities",
  maxRejectRate: 0.05,
  async recognise(f) {
    if (!f.relativePath.endsWith(".csv")) return false;
    const head = (await readHead(f.path, 4096)).split(/\r?\n/)[0]?.toLowerCase() ?? "";
    const cells = head.split(",").map((c) => c.trim());
    return REQUIRED.every((r) => cells.includes(r));
  },
  begin: () => ({ seen: new Set(), neighbours: [] }),
  async open(file, _ctx, { seen, neighbours }) {
    const records = parseCsv((await readTextFile(file.path)).text);
    const h = findHeaderIndex(records, REQUIRED);
    if (h < 0) throw new SourceError(file.relativePath, 1, `header with ${REQUIRED.join(", ")} not found`);
    const columns = headerIndex(records[h]!);
    return {
      records: dataRecords(records.slice(h + 1)),
      toRow(record) {
        const laCode = cell(record, columns, "la_code");
        const ons = cell(record, columns, "la_code_new");
        const name = cell(record, columns, "local_authority_ons_name");
        const region = cell(record, columns, "region_name");
        const laType = cell(record, columns, "ons_la_type");
        if (!laCode || !/^\d{3}$/.test(laCode))
          return { reject: `la_code '${laCode ?? ""}' is not a 3-digit DfE code` };
        if (!isCurrentCouncilCode(laCode))
          return {
            reject: `council ${laCode} (${name ?? "?"}) was abolished by a boundary change; older rows map through aliases`,
          };
        if (seen.has(laCode)) return { reject: `duplicate la_code ${laCode}` };
        if (!ons || !name || !region || !laType)
          return { reject: `council ${laCode}: missing ONS code, name, region or council type` };
        const list = (cell(record, columns, "stat_neighbours") ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        if (list.length !== 10)
          return { reject: `council ${laCode}: expected 10 statistical neighbours, found ${list.length}` };
        seen.add(laCode);
        for (const [i, n] of list.entries()) neighbours.push({ la_code: laCode, neighbour_la_code: n, rank: i + 1 });
        return { la_code: laCode, ons_code: ons, name, region, la_type: laType };
      },
    };
  },
  // The frame writes one table; a council's neighbours are a second, written here from the kept councils.
  async finish(ctx, _files, { neighbours }) {
    const writer = await TableWriter.open(ctx.connection, "statistical_neighbours");
    try {
      for (const row of neighbours) writer.append(row);
    } finally {
      writer.close();
    }
  },
});

export const laReferenceIngester: SourceIngester = {
  ...councils,
  tables: ["local_authorities", "statistical_neighbours"],
};
