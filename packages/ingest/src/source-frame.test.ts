import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { SCHEMA_SQL } from "@lens/core/schema";
import { describe, expect, it } from "vitest";
import { defineSource } from "./source-frame.js";
import type { IngestContext, SourceFile } from "./types.js";

async function setup(isSample: boolean, text: string) {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(SCHEMA_SQL);
  const dir = await mkdtemp(join(tmpdir(), "frame-"));
  await writeFile(join(dir, "codes.txt"), text);
  const rejects: string[] = [];
  const progress: string[] = [];
  const ctx: IngestContext = {
    connection,
    sourcesDir: dir,
    scratchDir: dir,
    isSample,
    progress: (message) => progress.push(message),
    reject: (file, line, reason) => rejects.push(`${file}:${line}: ${reason}`),
  };
  const files: SourceFile[] = [
    { path: join(dir, "codes.txt"), relativePath: "codes.txt", size: text.length },
    { path: join(dir, "other.csv"), relativePath: "other.csv", size: 0 },
  ];
  return { ctx, files, rejects, progress };
}

// A handmade source: one GSS code a line, written to the simplest table (rejects); "boom" throws mid-file.
const codes = defineSource<"rejects", string>({
  id: "example-codes",
  label: "Example codes",
  table: "rejects",
  maxRejectRate: 0.5,
  recognise: (file) => file.relativePath.endsWith(".txt"),
  open: async (file) => {
    const { readFile } = await import("node:fs/promises");
    const lines = (await readFile(file.path, "utf8")).split("\n");
    return {
      records: lines.flatMap((record, i) => (record.trim() === "" ? [] : [{ line: i + 1, record }])),
      toRow: (record, { source, line }) => {
        if (record === "boom") throw new Error("cannot read this line");
        if (record.startsWith("pair ")) {
          const [first = "", second = ""] = record.slice(5).split(" ");
          return [first, second].map((reason) => ({ source, source_file: file.relativePath, line, reason }));
        }
        if (!/^E\d{8}$/.test(record)) return { reject: `'${record}' is not a GSS code` };
        return { source, source_file: file.relativePath, line, reason: record };
      },
    };
  },
  // Marks every row written, to show finish runs once, after the writer has closed.
  finish: async (ctx, files) => {
    await ctx.connection.run("UPDATE rejects SET reason = reason || ' (finished)' WHERE source_file = $1", [
      files[0]?.relativePath ?? "",
    ]);
  },
});

describe("defineSource", () => {
  it("discovers by recognise, tallies read = kept + rejected, labels rows and puts file:line on rejects", async () => {
    const { ctx, files, rejects, progress } = await setup(false, "E06000001\n\nnope\nE06000002\n");
    const found = await codes.discover(files);
    expect(found.map((f) => f.relativePath)).toEqual(["codes.txt"]);
    const stats = await codes.ingest(ctx, found);
    expect(stats).toMatchObject([{ file: "codes.txt", rowsRead: 3, rowsKept: 2, rowsRejected: 1 }]);
    // The build's progress bar moves on by the file each message names.
    expect(progress).toEqual(["reading codes.txt"]);
    expect(rejects).toEqual(["codes.txt:3: 'nope' is not a GSS code"]);
    const rows = (
      await ctx.connection.runAndReadAll("SELECT source, line FROM rejects ORDER BY line")
    ).getRowObjectsJson();
    expect(rows).toEqual([
      { source: "example-codes", line: 1 },
      { source: "example-codes", line: 4 },
    ]);
  });

  it("counts a record that becomes several rows once, and runs finish over the rows written", async () => {
    const { ctx, files } = await setup(false, "pair E06000001 E06000002\nE06000003\n");
    const stats = await codes.ingest(ctx, await codes.discover(files));
    expect(stats).toMatchObject([{ rowsRead: 2, rowsKept: 2, rowsRejected: 0 }]);
    const rows = (
      await ctx.connection.runAndReadAll("SELECT line, reason FROM rejects ORDER BY line, reason")
    ).getRowObjectsJson();
    expect(rows).toEqual([
      { line: 1, reason: "E06000001 (finished)" },
      { line: 1, reason: "E06000002 (finished)" },
      { line: 2, reason: "E06000003 (finished)" },
    ]);
  });

  it("labels the generated sample's rows 'sample'", async () => {
    const { ctx, files } = await setup(true, "E06000001\n");
    await codes.ingest(ctx, await codes.discover(files));
    const rows = (await ctx.connection.runAndReadAll("SELECT source FROM rejects")).getRowObjectsJson();
    expect(rows).toEqual([{ source: "sample" }]);
  });

  it("hands begin's state to open and finish, and counts a record written elsewhere ([]) as kept", async () => {
    // A source that writes its rows in SQL in begin (as the OCDS merge does) and only accounts for them per file.
    const written = defineSource<"rejects", string, { seen: string[] }>({
      id: "example-staged",
      label: "Example staged",
      table: "rejects",
      maxRejectRate: 0.5,
      recognise: (file) => file.relativePath.endsWith(".txt"),
      begin: async (ctx, files) => {
        await ctx.connection.run("INSERT INTO rejects VALUES ('example-staged', $1, 1, 'written in begin')", [
          files[0]?.relativePath ?? "",
        ]);
        return { seen: [] };
      },
      open: (file, _ctx, state) => ({
        records: [
          { line: 1, record: "kept" },
          { line: 2, record: "dropped" },
        ],
        toRow: (record) => {
          state.seen.push(`${file.relativePath}:${record}`);
          return record === "kept" ? [] : { reject: "not staged" };
        },
      }),
      finish: async (ctx, _files, state) => {
        await ctx.connection.run("UPDATE rejects SET reason = $1", [state.seen.join(", ")]);
      },
    });
    const { ctx, files, rejects } = await setup(false, "x\n");
    const stats = await written.ingest(ctx, await written.discover(files));
    expect(stats).toMatchObject([{ file: "codes.txt", rowsRead: 2, rowsKept: 1, rowsRejected: 1 }]);
    expect(rejects).toEqual(["codes.txt:2: not staged"]);
    const rows = (await ctx.connection.runAndReadAll("SELECT line, reason FROM rejects")).getRowObjectsJson();
    expect(rows).toEqual([{ line: 1, reason: "codes.txt:kept, codes.txt:dropped" }]);
  });

  it("reads the files in the source's order, so a record read twice is kept from the file read first", async () => {
    const firstWins = defineSource<"rejects", string, Set<string>>({
      id: "example-first-wins",
      label: "Example: a code kept once",
      table: "rejects",
      maxRejectRate: 1,
      recognise: () => true,
      order: (files) => [...files].sort((a, b) => b.relativePath.localeCompare(a.relativePath)),
      begin: () => new Set(),
      open: (file, _ctx, seen) => ({
        records: [{ line: 1, record: "E06000001" }],
        toRow: (record, { source, line }) => {
          if (seen.has(record)) return { reject: `${record} already read` };
          seen.add(record);
          return { source, source_file: file.relativePath, line, reason: record };
        },
      }),
    });
    const { ctx, files, rejects } = await setup(false, "E06000001\n");
    await writeFile(files[1]!.path, "E06000001\n");
    const stats = await firstWins.ingest(ctx, files);
    expect(stats.map((s) => [s.file, s.rowsKept, s.rowsRejected])).toEqual([
      ["other.csv", 1, 0],
      ["codes.txt", 0, 1],
    ]);
    expect(rejects).toEqual(["codes.txt:1: E06000001 already read"]);
  });

  it("turns an error while reading a record into a SourceError naming the file and line", async () => {
    const { ctx, files } = await setup(false, "E06000001\nboom\n");
    await expect(codes.ingest(ctx, await codes.discover(files))).rejects.toThrow("codes.txt:2: cannot read this line");
  });
});
