/**
 * Reading a small CSV contract source row by row: header found by content, every data row
 * either turned into a contract or rejected with a reason, per-file stats.
 */
import { CsvError, type CsvRecord, findHeaderIndex, headerIndex, isBlankRecord, parseCsv } from "../csv.js";
import { readHead, readTextFile } from "../files.js";
import { type FileStats, type IngestContext, SourceError, type SourceFile } from "../types.js";
import { type ContractRow, type ContractSink, cleanText } from "./contract-rows.js";

export type RowResult = ContractRow | { reject: string };

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

export async function readCsvContracts(
  ctx: IngestContext,
  file: SourceFile,
  sink: ContractSink,
  required: readonly string[],
  toRow: (record: CsvRecord, col: (...names: string[]) => string | null) => RowResult,
): Promise<FileStats> {
  const { text, checksum } = await readTextFile(file.path);
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
    if (record.cells.length < header.cells.length - 1) {
      reject(`row has ${record.cells.length} cells, header has ${header.cells.length} (shifted or truncated row)`);
      continue;
    }
    const col = (...names: string[]): string | null => {
      for (const name of names) {
        const idx = columns.get(name.toLowerCase());
        if (idx === undefined) continue;
        // Every text cell is entity-decoded here, once, before any rule reads it.
        return cleanText(record.cells[idx]);
      }
      return null;
    };
    const result = toRow(record, col);
    if ("reject" in result) reject(result.reject);
    else if (sink.has(result.contract_id)) reject(`duplicate of ${result.contract_id}, already read`);
    else {
      sink.append(result);
      kept++;
    }
  }
  return { file: file.relativePath, checksum, rowsRead: read, rowsKept: kept, rowsRejected: rejected };
}
