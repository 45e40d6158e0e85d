/**
 * The current warehouse as files to download: the `.duckdb` itself and a zip of one Parquet
 * file per table, each with its SHA-256 and the build id. Made once per build, in the
 * background, in a `.lens-downloads/<build>/` folder beside the warehouse (the OS temp folder
 * when that is not writable); older builds' folders are removed once the new one is ready.
 *
 * The Parquet files are written from the copied `.duckdb` by a DuckDB instance of their own,
 * so the export never takes one of the connections the API's queries run on, and the zip
 * holds exactly the tables of the `.duckdb` offered beside it.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { openWarehouse } from "@lens/warehouse";
import { Zip, ZipPassThrough } from "fflate";
import type { BuildInfo, WarehouseHolder } from "../warehouse-holder.js";

export const DOWNLOADS_PATH = "/api/v1/downloads";

export interface DownloadFile {
  name: "warehouse.duckdb" | "parquet.zip";
  url: string;
  bytes: number;
  sha256: string;
  /** The file name a browser saves it under. */
  filename: string;
  description: string;
}

export interface DownloadSet {
  buildId: string;
  builtAt: string | null;
  files: DownloadFile[];
  /** Tables in the zip, with their rows. */
  tables: { name: string; rows: number }[];
  folder: string;
}

type State = { buildId: string; ready: Promise<DownloadSet>; done: DownloadSet | null; failed: string | null };

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/** A build id as a folder name: `2026-12-02T18:37:00.000Z#1234` → `2026-12-02T18-37-00-000Z-1234`. */
export const folderOf = (buildId: string): string => buildId.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 120);

/** `'…'` for a path inside COPY, which takes no bound parameters; paths here are our own. */
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export class WarehouseDownloads {
  private state: State | null = null;

  constructor(
    private readonly warehouse: WarehouseHolder,
    private readonly root = join(dirname(warehouse.path), ".lens-downloads"),
  ) {}

  /** The current build's files, started on first call per build; later calls share the same work. */
  prepare(): State {
    const info = this.warehouse.info;
    if (this.state?.buildId !== info.buildId) {
      const state: State = { buildId: info.buildId, ready: Promise.resolve(null as never), done: null, failed: null };
      state.ready = this.produce(info).then(
        (set) => {
          state.done = set;
          return set;
        },
        (error: unknown) => {
          state.failed = (error as Error).message;
          console.error(`warehouse downloads for ${info.buildId} failed: ${state.failed}`);
          // The next request tries again.
          if (this.state === state) this.state = null;
          throw error;
        },
      );
      this.state = state;
    }
    return this.state;
  }

  private async folderRoot(): Promise<string> {
    try {
      await mkdir(this.root, { recursive: true });
      return this.root;
    } catch {
      const fallback = join(tmpdir(), "lens-downloads");
      await mkdir(fallback, { recursive: true });
      return fallback;
    }
  }

  private async produce(info: BuildInfo): Promise<DownloadSet> {
    const root = await this.folderRoot();
    const folder = join(root, folderOf(info.buildId));
    const work = `${folder}.partial-${process.pid}`;
    await rm(work, { recursive: true, force: true });
    await mkdir(join(work, "parquet"), { recursive: true });

    // The file may be replaced by a rebuild at any moment: copy it, then check the copy is
    // still the build being served (same inode as the build id records).
    const before = await stat(this.warehouse.path);
    const duckdbPath = join(work, "warehouse.duckdb");
    await copyFile(this.warehouse.path, duckdbPath);
    const after = await stat(this.warehouse.path);
    if (!info.buildId.endsWith(`#${before.ino}`) || before.ino !== after.ino || before.mtimeMs !== after.mtimeMs)
      throw new Error("the warehouse was replaced while it was being copied");

    const tables = await writeParquet(duckdbPath, join(work, "parquet"));
    const zipPath = join(work, "parquet.zip");
    await zipFolder(
      join(work, "parquet"),
      tables.map((t) => `${t.name}.parquet`),
      zipPath,
    );
    await rm(join(work, "parquet"), { recursive: true, force: true });

    const day = (info.builtAt ?? "unknown").slice(0, 10);
    const files: DownloadFile[] = [];
    for (const [name, path, description] of [
      ["warehouse.duckdb", duckdbPath, "The warehouse as one DuckDB file (open read-only: duckdb -readonly …)"],
      ["parquet.zip", zipPath, `One Parquet file per table (${tables.length} tables), zipped`],
    ] as const) {
      files.push({
        name,
        url: `${DOWNLOADS_PATH}/${name}`,
        bytes: (await stat(path)).size,
        sha256: await sha256Of(path),
        filename: name === "warehouse.duckdb" ? `lens-warehouse-${day}.duckdb` : `lens-parquet-${day}.zip`,
        description,
      });
    }
    await rm(folder, { recursive: true, force: true });
    await rename(work, folder);
    // Only the build being served is kept.
    for (const entry of await readdir(root))
      if (entry !== basename(folder) && !entry.includes(".partial-"))
        await rm(join(root, entry), { recursive: true, force: true });
    return { buildId: info.buildId, builtAt: info.builtAt, files, tables, folder };
  }
}

/** Every table of the file as `<table>.parquet` (zstd), with its row count. */
async function writeParquet(duckdbPath: string, outDir: string): Promise<{ name: string; rows: number }[]> {
  const db = await openWarehouse(duckdbPath, { readOnly: true, threads: 1 });
  const connection = await db.connect();
  try {
    const list = await connection.runAndReadAll(
      "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name",
    );
    const tables: { name: string; rows: number }[] = [];
    for (const row of list.getRowObjectsJson() as { name: string }[]) {
      const ident = `"${row.name.replace(/"/g, '""')}"`;
      const count = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${ident}`);
      const n = Number((count.getRowObjectsJson()[0] as { n: string | number }).n);
      await connection.run(
        `COPY ${ident} TO ${sqlString(join(outDir, `${row.name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`,
      );
      tables.push({ name: row.name, rows: n });
    }
    return tables;
  } finally {
    connection.closeSync();
    db.close();
  }
}

/** Streams the files into a zip without reading any of them whole (Parquet is compressed already: stored). */
async function zipFolder(folder: string, names: readonly string[], zipPath: string): Promise<void> {
  const out = createWriteStream(zipPath);
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  for (const name of names) {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    for await (const chunk of createReadStream(join(folder, name))) entry.push(chunk as Uint8Array);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await finished;
  if (failure) throw failure;
}

/** Sends one of the files with its checksum and build in the headers. */
export function sendDownload(
  res: ServerResponse,
  set: DownloadSet,
  file: DownloadFile,
  headers: Record<string, string>,
) {
  res.writeHead(200, {
    ...headers,
    "content-type": file.name === "parquet.zip" ? "application/zip" : "application/octet-stream",
    "content-length": String(file.bytes),
    "content-disposition": `attachment; filename="${file.filename}"`,
    "x-lens-sha256": file.sha256,
    "repr-digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    // A build's files never change; a new build has new files under the same address.
    "cache-control": "no-cache",
    etag: `"${file.sha256}"`,
  });
  const stream = createReadStream(join(set.folder, file.name));
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}
