/**
 * `npm run data:export -- --parquet <folder> [--warehouse file.duckdb]`: writes every
 * warehouse table as Parquet, partitioned by source and year where the table has both, so
 * the same data can be read from R, Python or a larger engine.
 */
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { defineCli, parseCliOrExit, requiredOption, text, valueOption } from "@lens/core/cli";
import { createRunProgress } from "@lens/core/progress";
import { warehousePathFromEnv } from "./paths.js";

const CLI = defineCli({
  command: "data:export",
  synopsis: "npm run data:export -- --parquet <dir> [--warehouse <file.duckdb>]",
  options: {
    parquet: requiredOption({
      placeholder: "<dir>",
      expects: "a folder",
      description: "where to write the Parquet files",
      parse: text,
    }),
    warehouse: valueOption({
      placeholder: "<file.duckdb>",
      expects: "a file path",
      description: "the warehouse to read (default LENS_WAREHOUSE, else data/warehouse/lens.duckdb)",
      parse: text,
    }),
  },
});

const values = parseCliOrExit(CLI);
// Loaded once the arguments are checked, so misuse and --help answer without loading DuckDB.
const { openWarehouse, queryRows } = await import("./db.js");
const outDir = resolve(values.parquet);
const warehousePath = values.warehouse ? resolve(values.warehouse) : warehousePathFromEnv();

/** COPY cannot take its target as a bound parameter; the path is the operator's own argument, quoted. */
function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

if (!existsSync(warehousePath)) {
  // DuckDB would report this with a stack trace; it is the operator's path, so say it plainly.
  console.error(`data:export: no warehouse at ${warehousePath} (build one with npm run data:build)`);
  process.exit(1);
}
const warehouse = await openWarehouse(warehousePath, { readOnly: true });
const connection = await warehouse.connect();
try {
  const tables = await queryRows<{ table_name: string }>(
    connection,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  await mkdir(outDir, { recursive: true });
  const progress = createRunProgress(process.stdout);
  for (const { table_name: table } of tables) {
    const task = progress.start(table);
    const columns = await queryRows<{ column_name: string }>(
      connection,
      "SELECT column_name FROM information_schema.columns WHERE table_name = $table",
      { table },
    );
    const names = new Set(columns.map((c) => c.column_name));
    const partitioned = names.has("source") && names.has("year");
    const target = join(outDir, partitioned ? table : `${table}.parquet`);
    await rm(target, { recursive: true, force: true });
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      connection,
      `SELECT count(*)::INTEGER AS n FROM "${table}"`,
    );
    await connection.run(
      `COPY "${table}" TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd${partitioned ? ", PARTITION_BY (source, year)" : ""})`,
    );
    task.end({ rows: n, columns: { written: partitioned ? `${table}/source=…/year=…` : `${table}.parquet` } });
  }
  console.log(`\n${progress.summaryTable()}`);
} finally {
  connection.closeSync();
  warehouse.close();
}
