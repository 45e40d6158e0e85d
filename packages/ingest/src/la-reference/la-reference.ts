/**
 * Council reference: the Data to Insight lookup (DfE 3-digit code ↔ ONS code, region, council
 * type, 10 statistical neighbours in rank order) → local_authorities, statistical_neighbours.
 * Councils abolished by boundary changes are rejected with that reason: their rows in other
 * sources are mapped through the alias table instead.
 */
import { isCurrentCouncilCode } from "@lens/core";
import { cell, findHeaderIndex, headerIndex, isBlankRecord, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { TableWriter } from "../table-writer.js";
import { type FileStats, type IngestContext, SourceError, type SourceFile, type SourceIngester } from "../types.js";

const REQUIRED = ["la_code", "la_code_new", "stat_neighbours", "region_name"];

export const laReferenceIngester: SourceIngester = {
  id: "la-reference",
  label: "Council reference and statistical neighbours",
  tables: ["local_authorities", "statistical_neighbours"],
  maxRejectRate: 0.05,
  async discover(files) {
    const found: SourceFile[] = [];
    for (const f of files) {
      if (!f.relativePath.endsWith(".csv")) continue;
      const head = (await readHead(f.path, 4096)).split(/\r?\n/)[0]?.toLowerCase() ?? "";
      const cells = head.split(",").map((c) => c.trim());
      if (REQUIRED.every((r) => cells.includes(r))) found.push(f);
    }
    return found;
  },
  async ingest(ctx, files) {
    const stats: FileStats[] = [];
    const las = await TableWriter.open(ctx.connection, "local_authorities");
    const neighbours = await TableWriter.open(ctx.connection, "statistical_neighbours");
    const seen = new Set<string>();
    try {
      for (const file of files) stats.push(await ingestFile(ctx, file, las, neighbours, seen));
    } finally {
      las.close();
      neighbours.close();
    }
    return stats;
  },
};

async function ingestFile(
  ctx: IngestContext,
  file: SourceFile,
  las: TableWriter<"local_authorities">,
  neighbours: TableWriter<"statistical_neighbours">,
  seen: Set<string>,
): Promise<FileStats> {
  const { text, checksum } = await readTextFile(file.path);
  const records = parseCsv(text);
  const h = findHeaderIndex(records, REQUIRED);
  if (h < 0) throw new SourceError(file.relativePath, 1, `header with ${REQUIRED.join(", ")} not found`);
  const columns = headerIndex(records[h]!);
  let read = 0;
  let kept = 0;
  let rejected = 0;
  for (const record of records.slice(h + 1)) {
    if (isBlankRecord(record)) continue;
    read++;
    const reject = (reason: string) => {
      rejected++;
      ctx.reject(file.relativePath, record.line, reason);
    };
    const laCode = cell(record, columns, "la_code");
    const ons = cell(record, columns, "la_code_new");
    const name = cell(record, columns, "local_authority_ons_name");
    const region = cell(record, columns, "region_name");
    const laType = cell(record, columns, "ons_la_type");
    if (!laCode || !/^\d{3}$/.test(laCode)) {
      reject(`la_code '${laCode ?? ""}' is not a 3-digit DfE code`);
      continue;
    }
    if (!isCurrentCouncilCode(laCode)) {
      reject(`council ${laCode} (${name ?? "?"}) was abolished by a boundary change; older rows map through aliases`);
      continue;
    }
    if (seen.has(laCode)) {
      reject(`duplicate la_code ${laCode}`);
      continue;
    }
    if (!ons || !name || !region || !laType) {
      reject(`council ${laCode}: missing ONS code, name, region or council type`);
      continue;
    }
    const list = (cell(record, columns, "stat_neighbours") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (list.length !== 10) {
      reject(`council ${laCode}: expected 10 statistical neighbours, found ${list.length}`);
      continue;
    }
    seen.add(laCode);
    las.append({ la_code: laCode, ons_code: ons, name, region, la_type: laType });
    for (const [i, n] of list.entries()) neighbours.append({ la_code: laCode, neighbour_la_code: n, rank: i + 1 });
    kept++;
  }
  return { file: file.relativePath, checksum, rowsRead: read, rowsKept: kept, rowsRejected: rejected };
}
