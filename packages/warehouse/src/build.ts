/**
 * Builds a warehouse from a folder of source files into a NEW DuckDB file and renames it
 * into place only when every step succeeded, so a failed build never damages the warehouse
 * being served. Every source row is accounted for in build_log and rejects.
 */
import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { SAMPLE_MARKER, SCHEMA_VERSION } from "@lens/core";
import { formatBytes, formatCount, type ProgressTask, type RunProgress } from "@lens/core/progress";
import { SCHEMA_SQL } from "@lens/core/schema";
import {
  type FileStats,
  INGESTERS,
  type IngestContext,
  listSourceFiles,
  type SourceFile,
  type SourceIngester,
  TableWriter,
} from "@lens/ingest";
import { classifyWarehouse } from "./classify-step.js";
import { openWarehouse } from "./db.js";
import { isSampleFolder } from "./paths.js";
import { flagImplausibleValues } from "./plausibility-step.js";
import { linkSuppliersToOwners } from "./supplier-owner-links.js";

export interface SourceSummary {
  source: string;
  label: string;
  files: number;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  topReasons: { reason: string; count: number }[];
  durationMs: number;
}

export interface BuildSummary {
  outPath: string;
  isSample: boolean;
  builtAt: string;
  durationMs: number;
  sources: SourceSummary[];
  unrecognisedFiles: string[];
  rulesetVersion: string;
}

export interface BuildOptions {
  sourcesDir: string;
  outPath: string;
  /** One task per source and step (the CLI shows it as a live line or start and end lines). */
  progress?: RunProgress;
  /** Parsers to run; defaults to every known source. */
  ingesters?: readonly SourceIngester[];
}

export class BuildError extends Error {
  override name = "BuildError";
}

interface RejectRow {
  source: string;
  file: string;
  line: number | null;
  reason: string;
}

export async function buildWarehouse(options: BuildOptions): Promise<BuildSummary> {
  const started = Date.now();
  const sourcesInfo = await stat(options.sourcesDir).catch(() => null);
  if (!sourcesInfo?.isDirectory()) throw new BuildError(`sources folder not found: ${options.sourcesDir}`);
  await mkdir(dirname(options.outPath), { recursive: true });
  const tmpPath = join(dirname(options.outPath), `.${basename(options.outPath)}.building-${process.pid}`);
  const scratchDir = await mkdtemp(join(tmpdir(), "lens-build-"));
  await rm(tmpPath, { force: true });
  await rm(`${tmpPath}.wal`, { force: true });

  const isSample = isSampleFolder(options.sourcesDir);
  const warehouse = await openWarehouse(tmpPath, { readOnly: false });
  const connection = await warehouse.connect();
  let closed = false;
  try {
    await connection.run(SCHEMA_SQL);
    const files = await listSourceFiles(options.sourcesDir);
    const claimed = new Set<string>();
    const summaries: SourceSummary[] = [];
    const logRows: { source: string; stats: FileStats; durationMs: number }[] = [];
    const rejects: RejectRow[] = [];

    for (const ingester of options.ingesters ?? INGESTERS) {
      const sourceStart = Date.now();
      // A file belongs to the first parser that claims it (reference data runs first).
      const mine = await ingester.discover(files.filter((f) => !claimed.has(f.path)));
      if (mine.length === 0) continue;
      for (const f of mine) claimed.add(f.path);
      const sourceRejects: RejectRow[] = [];
      const totalBytes = mine.reduce((n, f) => n + f.size, 0);
      const task = options.progress?.start(ingester.id, {
        total: totalBytes,
        unit: "bytes",
        detail: `${mine.length} file(s), ${formatBytes(totalBytes)}`,
      });
      const onMessage = filePercent(mine, task);
      const ctx: IngestContext = {
        connection,
        sourcesDir: options.sourcesDir,
        scratchDir,
        isSample,
        progress: onMessage,
        reject: (file, line, reason) => sourceRejects.push({ source: ingester.id, file, line, reason }),
      };
      let stats: FileStats[];
      try {
        stats = await ingester.ingest(ctx, mine);
      } catch (error) {
        task?.fail((error as Error).message);
        throw new BuildError(`source ${ingester.id} failed: ${(error as Error).message}`);
      }
      const durationMs = Date.now() - sourceStart;
      const summary = summarise(ingester, stats, sourceRejects, durationMs);
      for (const s of stats) {
        if (s.rowsRead !== s.rowsKept + s.rowsRejected)
          throw new BuildError(
            `source ${ingester.id}: ${s.file} read ${s.rowsRead} rows but kept ${s.rowsKept} and rejected ${s.rowsRejected}`,
          );
      }
      if (summary.rowsRead > 0 && summary.rowsRejected / summary.rowsRead > ingester.maxRejectRate) {
        task?.fail(`${pct(summary.rowsRejected / summary.rowsRead)} of rows rejected`);
        const reasons = summary.topReasons.map((r) => `${r.count} × ${r.reason}`).join("; ");
        throw new BuildError(
          `source ${ingester.id}: ${pct(summary.rowsRejected / summary.rowsRead)} of rows rejected, above its ${pct(
            ingester.maxRejectRate,
          )} limit — the layout may have changed. Top reasons: ${reasons}`,
        );
      }
      summaries.push(summary);
      for (const s of stats) logRows.push({ source: ingester.id, stats: s, durationMs });
      // One by one: spreading a source's rejects (ledgers reject ~150k out-of-scope lines) overflows the stack.
      for (const r of sourceRejects) rejects.push(r);
      task?.end({
        rows: summary.rowsRead,
        columns: {
          files: String(summary.files),
          kept: formatCount(summary.rowsKept),
          rejected: formatCount(summary.rowsRejected),
          "reject %": summary.rowsRead === 0 ? "—" : pct(summary.rowsRejected / summary.rowsRead),
        },
      });
    }
    if (summaries.length === 0) throw new BuildError(`no known source files found in ${options.sourcesDir}`);

    const classifying = options.progress?.start("classification", { detail: "contracts and spend" });
    const classification = await classifyWarehouse(connection);
    classifying?.end({ rows: classification.contracts.rows + classification.spend.rows });
    // After classification: the service ranges need each contract's service and scope.
    const checking = options.progress?.start("plausibility", {
      detail: "contract values far outside their service's range",
    });
    const plausibility = await flagImplausibleValues(connection);
    checking?.end({
      rows: classification.contracts.rows,
      columns: { flagged: formatCount(Object.values(plausibility.flagged).reduce((a, n) => a + n, 0)) },
    });

    // After classification: every supplier name on contracts and spend is final by then.
    const linkage = await linkSuppliersToOwners(connection);

    const builtAt = new Date().toISOString();
    const rejectWriter = await TableWriter.open(connection, "rejects");
    for (const r of rejects)
      rejectWriter.append({ source: r.source, source_file: r.file, line: r.line, reason: r.reason });
    rejectWriter.close();
    const log = await TableWriter.open(connection, "build_log");
    for (const row of logRows)
      log.append({
        source: row.source,
        source_file: row.stats.file,
        checksum: row.stats.checksum,
        rows_read: row.stats.rowsRead,
        rows_kept: row.stats.rowsKept,
        rows_rejected: row.stats.rowsRejected,
        ruleset_version: classification.rulesetVersion,
        duration_ms: row.durationMs,
        built_at: builtAt,
      });
    log.close();
    const info = await TableWriter.open(connection, "build_info");
    const entries: Record<string, string> = {
      built_at: builtAt,
      is_sample: String(isSample),
      sources_folder: basename(options.sourcesDir),
      schema_version: String(SCHEMA_VERSION),
      ruleset_version: classification.rulesetVersion,
      sources: summaries.map((s) => s.source).join(","),
      value_flags: JSON.stringify(plausibility.flagged),
      supplier_owner_links: JSON.stringify(linkage.byConfidence),
    };
    for (const [key, value] of Object.entries(entries)) info.append({ key, value });
    info.close();

    await connection.run("CHECKPOINT");
    connection.closeSync();
    warehouse.close();
    closed = true;
    await rename(tmpPath, options.outPath);
    return {
      outPath: options.outPath,
      isSample,
      builtAt,
      durationMs: Date.now() - started,
      sources: summaries,
      unrecognisedFiles: files
        .filter((f) => !claimed.has(f.path) && f.relativePath !== SAMPLE_MARKER)
        .map((f) => f.relativePath),
      rulesetVersion: classification.rulesetVersion,
    };
  } finally {
    if (!closed) {
      connection.closeSync();
      warehouse.close();
      await rm(tmpPath, { force: true });
      await rm(`${tmpPath}.wal`, { force: true });
    }
    await rm(scratchDir, { recursive: true, force: true });
  }
}

function summarise(
  ingester: SourceIngester,
  stats: readonly FileStats[],
  rejects: readonly RejectRow[],
  durationMs: number,
): SourceSummary {
  const counts = new Map<string, number>();
  for (const r of rejects) {
    // Group reasons by their wording without row-specific ids and numbers.
    const key = r.reason.replace(/'[^']*'/g, "'…'").replace(/\b[\w-]*\d[\w-]*\b/g, "#");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    source: ingester.id,
    label: ingester.label,
    files: stats.length,
    rowsRead: stats.reduce((a, s) => a + s.rowsRead, 0),
    rowsKept: stats.reduce((a, s) => a + s.rowsKept, 0),
    rowsRejected: stats.reduce((a, s) => a + s.rowsRejected, 0),
    topReasons: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([reason, count]) => ({ reason, count })),
    durationMs,
  };
}

/**
 * Turns an ingester's "reading <file>" messages into percent done by bytes: a file counts as done
 * once the next one starts (ingesters read their files one after another).
 */
function filePercent(files: readonly SourceFile[], task: ProgressTask | undefined): (message: string) => void {
  let doneBytes = 0;
  let current: SourceFile | null = null;
  return (message) => {
    const file = files.find((f) => message.endsWith(f.relativePath)) ?? null;
    if (file && file !== current) {
      if (current) doneBytes += current.size;
      current = file;
    }
    task?.update({ done: doneBytes, detail: message });
  };
}

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
