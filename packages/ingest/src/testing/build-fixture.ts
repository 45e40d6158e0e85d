/**
 * Runs one or more parsers on a folder into a fresh in-memory DuckDB with the warehouse
 * schema, returning the connection, per-file stats and rejects — the same path the build
 * takes, without writing a file.
 */

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { SCHEMA_SQL } from "@lens/core/schema";
import { listSourceFiles } from "../files.js";
import type { FileStats, IngestContext, SourceIngester } from "../types.js";

export interface IngestRun {
  connection: DuckDBConnection;
  stats: FileStats[];
  rejects: { file: string; line: number | null; reason: string }[];
  close(): Promise<void>;
}

export async function runIngesters(
  dir: string,
  ingesters: readonly SourceIngester[],
  options: { isSample?: boolean } = {},
): Promise<IngestRun> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(SCHEMA_SQL);
  const scratchDir = await mkdtemp(join(tmpdir(), "lens-ingest-test-"));
  const rejects: IngestRun["rejects"] = [];
  const ctx: IngestContext = {
    connection,
    sourcesDir: dir,
    scratchDir,
    isSample: options.isSample ?? false,
    progress: () => {},
    reject: (file, line, reason) => rejects.push({ file, line, reason }),
  };
  const files = await listSourceFiles(dir);
  const stats: FileStats[] = [];
  const claimed = new Set<string>();
  for (const ingester of ingesters) {
    const mine = (await ingester.discover(files.filter((f) => !claimed.has(f.path)))).filter(
      (f) => !claimed.has(f.path),
    );
    for (const f of mine) claimed.add(f.path);
    if (mine.length > 0) stats.push(...(await ingester.ingest(ctx, mine)));
  }
  return {
    connection,
    stats,
    rejects,
    close: async () => {
      connection.closeSync();
      instance.closeSync();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs parsers on handmade files (relative path → contents) written to a fresh folder, which
 * goes when the run is closed: the build's own path for an edge case, without a fixture file.
 */
export async function runOnFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
  ingesters: readonly SourceIngester[],
  options: { isSample?: boolean } = {},
): Promise<IngestRun> {
  const dir = await mkdtemp(join(tmpdir(), "lens-ingest-files-"));
  try {
    for (const [relativePath, contents] of Object.entries(files)) {
      await mkdir(dirname(join(dir, relativePath)), { recursive: true });
      await writeFile(join(dir, relativePath), contents);
    }
    const run = await runIngesters(dir, ingesters, options);
    return {
      ...run,
      close: async () => {
        await run.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
