/**
 * The warehouse DDL, generated from the declarations in warehouse-tables.ts. Server-only
 * (`@lens/core/schema`): the browser bundle carries no SQL.
 */
import { type TableName, type TableSpec, WAREHOUSE_TABLES } from "./warehouse-tables.js";

function columnDdl(name: string, spec: TableSpec["columns"][string]): string {
  let line = `  ${name} ${spec.type}`;
  if (spec.primaryKey) line += " PRIMARY KEY";
  else if (!spec.nullable) line += " NOT NULL";
  if (spec.default !== undefined) line += ` DEFAULT ${spec.default}`;
  return line;
}

/** `CREATE TABLE` for one declared table (`CREATE OR REPLACE` when a build step recreates it). */
export function tableDdl(table: TableName, options: { replace?: boolean } = {}): string {
  const spec: TableSpec = WAREHOUSE_TABLES[table];
  const columns = Object.entries(spec.columns).map(([name, column]) => columnDdl(name, column));
  return `CREATE ${options.replace ? "OR REPLACE " : ""}TABLE ${spec.name} (\n${columns.join(",\n")}\n);\n`;
}

/**
 * Filled by the warehouse's linkage step after classification, which recreates them; part of
 * the schema so that every warehouse, and every fixture built from SCHEMA_SQL, has them.
 */
const LINKAGE_TABLES = ["supplier_owner_links", "owner_groups"] as const satisfies readonly TableName[];

export const SUPPLIER_OWNER_LINKS_SQL = LINKAGE_TABLES.map((t) => tableDdl(t, { replace: true })).join("");

/** Every declared table: the linkage tables last, as OR REPLACE. */
export const SCHEMA_SQL =
  (Object.keys(WAREHOUSE_TABLES) as TableName[])
    .filter((t) => !(LINKAGE_TABLES as readonly string[]).includes(t))
    .map((t) => tableDdl(t))
    .join("\n") + SUPPLIER_OWNER_LINKS_SQL;
