/**
 * Fast, typed appends into a warehouse table through DuckDB's Appender. Rows are objects
 * keyed by column name; a missing key is NULL (never 0). Dates are ISO strings and are cast
 * by DuckDB on append. A key the table does not have is an error naming the table and the
 * column: a misspelt column would otherwise be dropped and read as NULL.
 */
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import type { TableName, WarehouseRow } from "@lens/core/schema";

export type CellValue = string | number | boolean | null | undefined;

/**
 * A writer for one table: `append` takes that table's row type, so a misspelt or unknown column
 * is a compile error; the runtime check below still guards rows built from untyped input.
 */
export class TableWriter<T extends TableName = TableName> {
  private rows = 0;
  private readonly names: ReadonlySet<string>;
  private constructor(
    private readonly table: T,
    private readonly appender: DuckDBAppender,
    private readonly columns: readonly { name: string; type: string }[],
  ) {
    this.names = new Set(columns.map((c) => c.name));
  }

  static async open<T extends TableName>(connection: DuckDBConnection, table: T): Promise<TableWriter<T>> {
    const info = await connection.runAndReadAll(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $table ORDER BY ordinal_position",
      { table },
    );
    const columns = info.getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
    if (columns.length === 0) throw new Error(`table ${table} does not exist`);
    return new TableWriter(table, await connection.createAppender(table), columns);
  }

  append(row: Readonly<WarehouseRow<T>>): void {
    // Checked before any cell is appended, so a rejected row leaves no half-written row behind.
    for (const name in row)
      if (!this.names.has(name)) throw new Error(`table ${this.table} has no column ${name} (the row carries it)`);
    for (const column of this.columns) {
      const value = (row as Readonly<Record<string, CellValue>>)[column.name];
      if (value === null || value === undefined) this.appender.appendNull();
      else if (typeof value === "boolean") this.appender.appendBoolean(value);
      else if (typeof value === "number") {
        if (!Number.isFinite(value)) this.appender.appendNull();
        else if (column.type === "INTEGER") this.appender.appendInteger(Math.round(value));
        else if (column.type === "DOUBLE") this.appender.appendDouble(value);
        else this.appender.appendVarchar(String(value));
      } else this.appender.appendVarchar(value);
    }
    this.appender.endRow();
    this.rows++;
  }

  get count(): number {
    return this.rows;
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}
