/**
 * GET /api/v1/downloads on a copy of the fixture warehouse: the .duckdb and the Parquet zip,
 * their checksums, made once per build, and readable by DuckDB with the warehouse's row counts.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openWarehouse } from "@lens/warehouse";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFixtureCopy } from "../test/fixture.js";

let served: Awaited<ReturnType<typeof serveFixtureCopy>>;
let dir: string;
let fx: Awaited<ReturnType<typeof serveFixtureCopy>>["fx"];
let server: Awaited<ReturnType<typeof serveFixtureCopy>>["server"];
beforeAll(async () => {
  // A copy in a folder of its own, so the downloads folder beside it is this test's alone.
  served = await serveFixtureCopy("lens-downloads-test-");
  ({ dir, fx, server } = served);
});
afterAll(() => served.close());

const get = (path: string) => fetch(`${server.base}${path}`);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Index {
  status: string;
  build: { id: string };
  files: { name: string; url: string; bytes: number; sha256: string; filename: string }[];
  tables: { name: string; rows: number }[];
}

describe("GET /api/v1/downloads", () => {
  it("offers the warehouse and a Parquet zip with checksums and the build id", async () => {
    const res = await get("/api/v1/downloads");
    expect(res.status).toBe(200);
    const index = (await res.json()) as Index;
    expect(index.status).toBe("ready");
    expect(index.build.id).toBe(fx.warehouse.info.buildId);
    expect(index.files.map((f) => f.name)).toEqual(["warehouse.duckdb", "parquet.zip"]);

    const duckdb = index.files[0]!;
    const file = await get(duckdb.url);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${duckdb.filename}"`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).toBe(duckdb.bytes);
    expect(sha256(bytes)).toBe(duckdb.sha256);
    expect(file.headers.get("x-lens-sha256")).toBe(duckdb.sha256);
    // The file served is the warehouse byte for byte (compared by hash: toEqual on megabytes is slow).
    expect(sha256(bytes)).toBe(sha256(await readFile(join(dir, "lens.duckdb"))));

    const sums = await (await get("/api/v1/downloads/SHA256SUMS")).text();
    expect(sums).toBe(index.files.map((f) => `${f.sha256}  ${f.filename}\n`).join(""));
  }, 120_000);

  it("zips one Parquet file per table, each with the table's rows", async () => {
    const index = (await (await get("/api/v1/downloads")).json()) as Index;
    const zipFile = index.files[1]!;
    const bytes = new Uint8Array(await (await get(zipFile.url)).arrayBuffer());
    expect(sha256(bytes)).toBe(zipFile.sha256);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(index.tables.map((t) => `${t.name}.parquet`).sort());
    expect(index.tables.map((t) => t.name)).toContain("contracts");

    const out = join(dir, "contracts.parquet");
    await writeFile(out, files["contracts.parquet"]!);
    const db = await openWarehouse(":memory:", { readOnly: false });
    const c = await db.connect();
    const reader = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${out}')`);
    const counted = (reader.getRowObjectsJson()[0] as { n: number }).n;
    c.closeSync();
    db.close();
    const rows = await fx.warehouse.use(async (w) => {
      const r = await w.runAndReadAll("SELECT count(*)::INTEGER AS n FROM contracts");
      return (r.getRowObjectsJson()[0] as { n: number }).n;
    });
    expect(counted).toBe(rows);
    expect(index.tables.find((t) => t.name === "contracts")?.rows).toBe(rows);
  });

  it("makes the files once per build, beside the warehouse", async () => {
    const [a, b] = await Promise.all([get("/api/v1/downloads"), get("/api/v1/downloads")]);
    const [ia, ib] = [(await a.json()) as Index, (await b.json()) as Index];
    expect(ia.files).toEqual(ib.files);
    const folders = await readdir(join(dir, ".lens-downloads"));
    expect(folders).toHaveLength(1);
  });

  it("is linked from the /api/v1 index", async () => {
    const index = (await (await get("/api/v1")).json()) as { downloads: Record<string, string> };
    expect(index.downloads.warehouse).toBe("/api/v1/downloads/warehouse.duckdb");
    expect(index.downloads.parquet).toBe("/api/v1/downloads/parquet.zip");
    expect((await get("/api/v1/downloads/nothing")).status).toBe(404);
  });
});
