/**
 * Per-file accounting shared by the parsers: every non-blank record read is either kept or
 * rejected (with its line and reason, forwarded to the build's reject log), and `stats()`
 * refuses to report a file whose numbers do not add up.
 */
import type { FileStats, IngestContext, SourceFile } from "./types.js";

export class FileTally {
  read = 0;
  kept = 0;
  rejected = 0;
  constructor(
    private readonly ctx: IngestContext,
    private readonly file: SourceFile,
    private readonly checksum: string,
  ) {}

  reject(line: number | null, reason: string): void {
    this.rejected++;
    this.ctx.reject(this.file.relativePath, line, reason);
  }

  stats(): FileStats {
    if (this.read !== this.kept + this.rejected)
      throw new Error(`${this.file.relativePath}: read ${this.read} ≠ kept ${this.kept} + rejected ${this.rejected}`);
    return {
      file: this.file.relativePath,
      checksum: this.checksum,
      rowsRead: this.read,
      rowsKept: this.kept,
      rowsRejected: this.rejected,
    };
  }
}
