/**
 * The contract between the warehouse build and the per-source parsers. A parser finds its
 * files in a folder (by layout and header, not by name alone), reads them into warehouse
 * tables, and accounts for every row: read = kept + rejected, each reject with a reason.
 */
import type { DuckDBConnection } from "@duckdb/node-api";

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the sources folder, as recorded in source_file columns. */
  relativePath: string;
  size: number;
}

export interface FileStats {
  file: string;
  checksum: string;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
}

export interface RejectRecorder {
  /** Records one rejected row. `line` is the 1-based physical line in the file, when known. */
  reject(sourceFile: string, line: number | null, reason: string): void;
}

export interface IngestContext extends RejectRecorder {
  connection: DuckDBConnection;
  sourcesDir: string;
  /** A folder for transcoded copies and other scratch files; removed after the build. */
  scratchDir: string;
  /** Whether the folder is the generated sample (its rows are labelled source = 'sample'). */
  isSample: boolean;
  progress(message: string): void;
}

export interface SourceIngester {
  /** The warehouse source id written to `source` columns and build_log (see core sources.ts). */
  id: string;
  label: string;
  /** Tables this parser writes; used for ordering and the summary. */
  tables: readonly string[];
  /**
   * Reject rate (rejected / read) above which the build fails for this source: a sign that
   * a layout changed, not that a few rows are messy.
   */
  maxRejectRate: number;
  /** Picks this source's files from every file in the folder. */
  discover(files: readonly SourceFile[]): Promise<SourceFile[]>;
  ingest(ctx: IngestContext, files: readonly SourceFile[]): Promise<FileStats[]>;
}

/** A parse failure that names the file, line and problem: `file:line: reason`. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${reason}`);
    this.name = "SourceError";
  }
}
