/**
 * Reading a small CSV contract source row by row on the ingest frame: header found by
 * content, every non-blank data row either turned into a contract or rejected with a reason,
 * and a contract id read twice in one run rejected as a duplicate.
 */
import { CsvError, type CsvRecord, findHeaderIndex, headerIndex, isBlankRecord, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { defineSource, type OpenedFile, type RecordAt } from "../source-frame.js";
import { type IngestContext, SourceError, type SourceFile, type SourceIngester } from "../types.js";
import { type ContractRow, cleanText, toWarehouseRow } from "./contract-rows.js";

export type RowResult = ContractRow | { reject: string };

/** Reads a column by the first of its names the header has, entity-decoded; null when blank or absent. */
export type ColumnReader = (...names: string[]) => string | null;

/** One data record → its contract or a reject. */
export type ContractFromRecord = (record: CsvRecord, col: ColumnReader, at: RecordAt) => RowResult;

/** True when the file is a CSV whose header (within the first lines) has all `required` columns. */
export async function csvHasHeader(file: SourceFile, required: readonly string[]): Promise<boolean> {
  if (!file.relativePath.toLowerCase().endsWith(".csv")) return false;
  // Headers of these exports are on one line; a header spanning lines is not one of ours.
  const firstLine = (await readHead(file.path, 65536)).split(/\r?\n/)[0] ?? "";
  let records: CsvRecord[];
  try {
    records = parseCsv(firstLine);
  } catch {
    return false;
  }
  return findHeaderIndex(records, required, 1) >= 0;
}

/**
 * Opens one CSV for the frame. `ids` holds the contract ids kept so far in this run (across
 * its files), so a notice listed twice is a reject, not a second row.
 */
export async function openCsvContracts(
  file: SourceFile,
  required: readonly string[],
  ids: Set<string>,
  toContract: ContractFromRecord,
): Promise<OpenedFile<"contracts", CsvRecord>> {
  const { text } = await readTextFile(file.path);
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new SourceError(file.relativePath, error.line, error.reason);
    throw error;
  }
  const h = findHeaderIndex(records, required);
  if (h < 0) throw new SourceError(file.relativePath, 1, `header with ${required.join(", ")} not found`);
  const header = records[h]!;
  const columns = headerIndex(header);
  return {
    records: records
      .slice(h + 1)
      .filter((record) => !isBlankRecord(record))
      .map((record) => ({ line: record.line, record })),
    toRow(record, at) {
      if (record.cells.length < header.cells.length - 1)
        return {
          reject: `row has ${record.cells.length} cells, header has ${header.cells.length} (shifted or truncated row)`,
        };
      const col: ColumnReader = (...names) => {
        for (const name of names) {
          const idx = columns.get(name.toLowerCase());
          if (idx === undefined) continue;
          // Every text cell is entity-decoded here, once, before any rule reads it.
          return cleanText(record.cells[idx]);
        }
        return null;
      };
      const result = toContract(record, col, at);
      if ("reject" in result) return result;
      if (ids.has(result.contract_id)) return { reject: `duplicate of ${result.contract_id}, already read` };
      ids.add(result.contract_id);
      return toWarehouseRow(result);
    },
  };
}

/** A contract source that is one CSV layout, recognised by its header. */
export function csvContractSource(definition: {
  id: string;
  label: string;
  maxRejectRate: number;
  header: readonly string[];
  toContract: ContractFromRecord;
  finish?(ctx: IngestContext, files: readonly SourceFile[]): Promise<void>;
}): SourceIngester {
  const { header, toContract, ...rest } = definition;
  return defineSource<"contracts", CsvRecord, Set<string>>({
    ...rest,
    table: "contracts",
    recognise: (file) => csvHasHeader(file, header),
    begin: () => new Set(),
    open: (file, _ctx, ids) => openCsvContracts(file, header, ids, toContract),
  });
}
