import { DuckDBInstance } from "@duckdb/node-api";
import { SCHEMA_SQL } from "@lens/core/schema";
import { describe, expect, it } from "vitest";
import { TableWriter } from "./table-writer.js";

async function warehouse() {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(SCHEMA_SQL);
  return connection;
}

describe("TableWriter", () => {
  it("writes a row by column name, a missing column as NULL", async () => {
    const connection = await warehouse();
    const writer = await TableWriter.open(connection, "rejects");
    writer.append({ source: "sample", source_file: "a.csv", reason: "council 'Cardiff' is outside England" });
    writer.close();
    const rows = (
      await connection.runAndReadAll("SELECT source, source_file, line, reason FROM rejects")
    ).getRowObjectsJson();
    expect(rows).toEqual([
      { source: "sample", source_file: "a.csv", line: null, reason: "council 'Cardiff' is outside England" },
    ]);
  });

  it("types each row by its table: an unknown or misspelt column does not compile", async () => {
    const connection = await warehouse();
    const writer = await TableWriter.open(connection, "rejects");
    // @ts-expect-error `resaon` is not a column of rejects
    const write = () => writer.append({ source: "sample", source_file: "a.csv", resaon: "misspelt" });
    // @ts-expect-error `reason` is NOT NULL without a default, so a row must carry it
    const missing = () => writer.append({ source: "sample", source_file: "a.csv" });
    // @ts-expect-error `line` is INTEGER
    const wrongType = () => writer.append({ source: "sample", source_file: "a.csv", reason: "r", line: "3" });
    expect(write).toThrow("table rejects has no column resaon");
    writer.close();
    // The other two are never called: tsc is their check (an unused @ts-expect-error fails typecheck).
    void missing;
    void wrongType;
  });

  it("rejects a row with a column the table does not declare, naming the table and the column", async () => {
    const connection = await warehouse();
    const writer = await TableWriter.open(connection, "rejects");
    // `resaon` for `reason`: before the check this row was written with reason NULL. The row
    // type makes it a compile error; the runtime check still guards rows built from untyped input.
    const misspelt: Record<string, unknown> = { source: "sample", source_file: "a.csv", line: 3, resaon: "misspelt" };
    expect(() => writer.append(misspelt as never)).toThrow("table rejects has no column resaon (the row carries it)");
    writer.append({ source: "sample", source_file: "a.csv", line: 4, reason: "kept" });
    writer.close();
    const rows = (await connection.runAndReadAll("SELECT line, reason FROM rejects")).getRowObjectsJson();
    expect(rows).toEqual([{ line: 4, reason: "kept" }]);
  });
});
