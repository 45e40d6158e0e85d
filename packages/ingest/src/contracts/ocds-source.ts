/**
 * Runs the OCDS path for one source: stage every file (any OCDS shape, or a flattened CSV
 * turned into releases), merge per ocid across all of them, write contracts, account per file.
 */
import { fileChecksum } from "../files.js";
import { sourceLabel } from "../source-frame.js";
import type { FileStats, IngestContext, SourceFile, SourceIngester } from "../types.js";
import { sniffOcdsFile, stageOcdsFile } from "./ocds-files.js";
import { createOcdsStage, dropOcdsStage, insertContractsFromStage, resolveBuyersAndScope } from "./ocds-releases.js";

export interface StagedFile {
  file: SourceFile;
  /** Appends the file's releases to ocds_stage; returns rows that could not be staged at all. */
  stage(ctx: IngestContext): Promise<{ read: number; rejects: { line: number; reason: string }[] }>;
}

export function ocdsJsonStager(file: SourceFile): StagedFile {
  return {
    file,
    async stage(ctx) {
      const info = await sniffOcdsFile(file);
      if (!info) throw new Error(`${file.relativePath}: not an OCDS file`);
      await stageOcdsFile(ctx.connection, file, info);
      return { read: 0, rejects: [] };
    },
  };
}

/** Stages, merges and writes; returns per-file stats (read = kept + rejected). */
export async function ingestOcdsFiles(
  ctx: IngestContext,
  staged: readonly StagedFile[],
  sourceId: string,
): Promise<FileStats[]> {
  if (staged.length === 0) return [];
  await createOcdsStage(ctx.connection);
  const pre = new Map<string, { read: number; rejects: { line: number; reason: string }[] }>();
  for (const s of staged) {
    ctx.progress(`reading ${s.file.relativePath}`);
    pre.set(s.file.relativePath, await s.stage(ctx));
  }
  ctx.progress("merging releases per ocid");
  const outcomes = await insertContractsFromStage(ctx.connection, sourceLabel(ctx, sourceId));
  await dropOcdsStage(ctx.connection);
  await resolveBuyersAndScope(
    ctx.connection,
    staged.map((s) => s.file.relativePath),
  );
  const stats: FileStats[] = [];
  for (const s of staged) {
    const name = s.file.relativePath;
    const outcome = outcomes.get(name) ?? { read: 0, kept: 0, rejects: [] };
    const early = pre.get(name) ?? { read: 0, rejects: [] };
    const rejects = [...early.rejects, ...outcome.rejects];
    for (const r of rejects) ctx.reject(name, r.line, r.reason);
    stats.push({
      file: name,
      checksum: await fileChecksum(s.file.path),
      rowsRead: outcome.read + early.read,
      rowsKept: outcome.kept,
      rowsRejected: rejects.length,
    });
  }
  return stats;
}

/** An ingester for a publisher whose files are OCDS only, recognised by the ocid prefix. */
export function ocdsPublisherIngester(opts: {
  id: string;
  label: string;
  ocidPrefix: string;
  maxRejectRate: number;
}): SourceIngester {
  return {
    id: opts.id,
    label: opts.label,
    tables: ["contracts"],
    maxRejectRate: opts.maxRejectRate,
    async discover(files) {
      const out: SourceFile[] = [];
      for (const f of files) if ((await sniffOcdsFile(f))?.ocid.startsWith(opts.ocidPrefix)) out.push(f);
      return out;
    },
    ingest: (ctx, files) => ingestOcdsFiles(ctx, files.map(ocdsJsonStager), opts.id),
  };
}
