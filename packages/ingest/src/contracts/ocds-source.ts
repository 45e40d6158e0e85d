/**
 * The OCDS path for one source on the ingest frame: `begin` stages every file (any OCDS shape,
 * or a flattened CSV turned into releases), merges per ocid across all of them and writes
 * contracts in SQL; each file's records are then its staged releases, kept or rejected, so the
 * frame accounts per file (read = kept + rejected) and logs the rejects with their lines.
 */
import { defineSource, type NumberedRecord, type OpenedFile, sourceLabel } from "../source-frame.js";
import type { IngestContext, SourceFile, SourceIngester } from "../types.js";
import { sniffOcdsFile, stageOcdsFile } from "./ocds-files.js";
import { createOcdsStage, dropOcdsStage, insertContractsFromStage, resolveBuyersAndScope } from "./ocds-releases.js";

export interface StagedFile {
  file: SourceFile;
  /** Appends the file's releases to ocds_stage; returns the rows that could not be staged at all. */
  stage(ctx: IngestContext): Promise<{ line: number; reason: string }[]>;
}

export function ocdsJsonStager(file: SourceFile): StagedFile {
  return {
    file,
    async stage(ctx) {
      const info = await sniffOcdsFile(file);
      if (!info) throw new Error(`${file.relativePath}: not an OCDS file`);
      await stageOcdsFile(ctx.connection, file, info);
      return [];
    },
  };
}

/** A staged release as the frame counts it: null when kept (its rows are already written), else why not. */
export type StagedRelease = string | null;

/** Per staged file: how many of its releases were kept, and the rest with their lines and reasons. */
export interface StagedOutcome {
  kept: number;
  rejects: { line: number; reason: string }[];
}
export type StagedOutcomes = Map<string, StagedOutcome>;

/** Stages, merges and writes every file's releases, then resolves buyers and scope; returns each file's outcome. */
export async function mergeOcdsFiles(
  ctx: IngestContext,
  staged: readonly StagedFile[],
  sourceId: string,
): Promise<StagedOutcomes> {
  const outcomes: StagedOutcomes = new Map();
  if (staged.length === 0) return outcomes;
  await createOcdsStage(ctx.connection);
  const pre = new Map<string, { line: number; reason: string }[]>();
  for (const s of staged) {
    ctx.progress(`staging ${s.file.relativePath}`);
    pre.set(s.file.relativePath, await s.stage(ctx));
  }
  ctx.progress("merging releases per ocid");
  const merged = await insertContractsFromStage(ctx.connection, sourceLabel(ctx, sourceId));
  await dropOcdsStage(ctx.connection);
  await resolveBuyersAndScope(
    ctx.connection,
    staged.map((s) => s.file.relativePath),
  );
  for (const s of staged) {
    const name = s.file.relativePath;
    const outcome = merged.get(name) ?? { read: 0, kept: 0, rejects: [] };
    // The merge counts what it staged on its own; a release neither kept nor rejected would be lost.
    if (outcome.read !== outcome.kept + outcome.rejects.length)
      throw new Error(`${name}: staged ${outcome.read} ≠ kept ${outcome.kept} + rejected ${outcome.rejects.length}`);
    outcomes.set(name, { kept: outcome.kept, rejects: [...(pre.get(name) ?? []), ...outcome.rejects] });
  }
  return outcomes;
}

/**
 * A merged file's releases for the frame: its rejects, then one record per kept release.
 * Kept releases are counted, not listed (a file can hold a million); their rows carry their
 * own source_line, so their records' line is 0.
 */
function* stagedReleases(outcome: StagedOutcome): Generator<NumberedRecord<StagedRelease>> {
  for (const { line, reason } of outcome.rejects) yield { line, record: reason };
  for (let i = 0; i < outcome.kept; i++) yield { line: 0, record: null };
}

/** Opens a file `mergeOcdsFiles` staged: its rows are written, so a kept release adds none. */
export function openStaged(outcomes: StagedOutcomes, file: SourceFile): OpenedFile<"contracts", StagedRelease> {
  return {
    records: stagedReleases(outcomes.get(file.relativePath) ?? { kept: 0, rejects: [] }),
    toRow: (reason) => (reason === null ? [] : { reject: reason }),
  };
}

/** An ingester for a publisher whose files are OCDS only, recognised by the ocid prefix. */
export function ocdsPublisherIngester(opts: {
  id: string;
  label: string;
  ocidPrefix: string;
  maxRejectRate: number;
}): SourceIngester {
  return defineSource<"contracts", StagedRelease, StagedOutcomes>({
    id: opts.id,
    label: opts.label,
    table: "contracts",
    maxRejectRate: opts.maxRejectRate,
    recognise: async (file) => (await sniffOcdsFile(file))?.ocid.startsWith(opts.ocidPrefix) ?? false,
    begin: (ctx, files) => mergeOcdsFiles(ctx, files.map(ocdsJsonStager), opts.id),
    open: (file, _ctx, outcomes) => openStaged(outcomes, file),
  });
}
