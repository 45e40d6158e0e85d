/**
 * The ingest frame: a source declares how to recognise its files, the table it writes and, per
 * file, its line-numbered records and how each becomes a row or a reject. The frame owns the
 * bookkeeping every parser used to repeat — discovery, the read = kept + rejected tally, the
 * "sample or source id" label, `file:line` on rejects and on parse failures — so a parser is
 * only what is particular to its files.
 */
import type { TableName, WarehouseRow } from "@lens/core/schema";
import { FileTally } from "./file-tally.js";
import { fileChecksum } from "./files.js";
import { TableWriter } from "./table-writer.js";
import { type IngestContext, SourceError, type SourceFile, type SourceIngester } from "./types.js";

/** One record and the 1-based physical line (or spreadsheet row) it came from. */
export interface NumberedRecord<R> {
  line: number;
  record: R;
}

/** Where a record sits, handed to `toRow`: the label for `source` columns, the file and the line. */
export interface RecordAt {
  source: string;
  file: SourceFile;
  line: number;
}

/**
 * What a record becomes: a row of the source's table, several rows (one record can describe
 * more than one event: a home that both joined and left), or a reject with its reason. Either
 * way the record counts once in read = kept + rejected. No rows (`[]`) is a record kept whose
 * rows were written another way (releases merged in SQL by `begin`).
 */
export type RecordOutcome<T extends TableName> = WarehouseRow<T> | readonly WarehouseRow<T>[] | { reject: string };

/** One opened file. State that spans a file's records (a header, ids seen) lives in the closure. */
export interface OpenedFile<T extends TableName, R> {
  records: Iterable<NumberedRecord<R>> | AsyncIterable<NumberedRecord<R>>;
  toRow(record: R, at: RecordAt): RecordOutcome<T>;
}

/** `S` is what `begin` hands to `open` and `finish` (undefined without a `begin`). */
export interface SourceDefinition<T extends TableName, R, S = undefined> {
  id: string;
  label: string;
  table: T;
  /** See SourceIngester.maxRejectRate. */
  maxRejectRate: number;
  /** Whether `file` is one of this source's, by layout and header rather than name alone. */
  recognise(file: SourceFile): boolean | Promise<boolean>;
  /**
   * Runs once before the first file is opened and before the table writer opens: for what a run
   * needs across its files (ids already in the warehouse, ids seen so far, rows written in SQL).
   */
  begin?(ctx: IngestContext, files: readonly SourceFile[]): S | Promise<S>;
  /**
   * The order the files are read in (default: as discovered), for a source whose record read
   * twice is kept from the file read first: begin, the tally and finish all follow it.
   */
  order?(files: readonly SourceFile[]): readonly SourceFile[] | Promise<readonly SourceFile[]>;
  /** Opens one file; a thrown error leaves as a SourceError naming the file (and its line, if the error has one). */
  open(file: SourceFile, ctx: IngestContext, state: S): OpenedFile<T, R> | Promise<OpenedFile<T, R>>;
  /**
   * Runs once after every file's rows are written and the table writer is closed: for work
   * over the rows just written as a whole (resolving contract buyers and scope, for one).
   */
  finish?(ctx: IngestContext, files: readonly SourceFile[], state: S): Promise<void>;
}

/** The warehouse `source` label: the generated sample's rows say so, whatever parser read them. */
export function sourceLabel(ctx: Pick<IngestContext, "isSample">, id: string): string {
  return ctx.isSample ? "sample" : id;
}

function isReject<T extends TableName>(outcome: RecordOutcome<T>): outcome is { reject: string } {
  return !Array.isArray(outcome) && typeof (outcome as { reject?: unknown }).reject === "string";
}

function asSourceError(file: SourceFile, line: number | null, error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const own = (error as { line?: number }).line;
  return new SourceError(file.relativePath, own ?? line, (error as Error).message.replace(/^line \d+: /, ""));
}

export function defineSource<T extends TableName, R, S = undefined>(
  definition: SourceDefinition<T, R, S>,
): SourceIngester {
  return {
    id: definition.id,
    label: definition.label,
    tables: [definition.table],
    maxRejectRate: definition.maxRejectRate,
    async discover(files) {
      const out: SourceFile[] = [];
      for (const file of files) if (await definition.recognise(file)) out.push(file);
      return out;
    },
    async ingest(ctx, discovered) {
      const files = definition.order ? await definition.order(discovered) : discovered;
      const source = sourceLabel(ctx, definition.id);
      const state = (await definition.begin?.(ctx, files)) as S;
      const writer = await TableWriter.open(ctx.connection, definition.table);
      const stats = [];
      try {
        for (const file of files) {
          // The build's progress bar advances by the file a message names.
          ctx.progress(`reading ${file.relativePath}`);
          const tally = new FileTally(ctx, file, await fileChecksum(file.path));
          try {
            const opened = await definition.open(file, ctx, state);
            for await (const { line, record } of opened.records) {
              tally.read++;
              let outcome: RecordOutcome<T>;
              try {
                outcome = opened.toRow(record, { source, file, line });
              } catch (error) {
                throw asSourceError(file, line, error);
              }
              if (isReject(outcome)) tally.reject(line, outcome.reject);
              else {
                for (const row of Array.isArray(outcome) ? outcome : [outcome]) writer.append(row);
                tally.kept++;
              }
            }
          } catch (error) {
            throw asSourceError(file, null, error);
          }
          stats.push(tally.stats());
        }
      } finally {
        writer.close();
      }
      await definition.finish?.(ctx, files, state);
      return stats;
    },
  };
}
