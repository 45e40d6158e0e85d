import { basename } from "node:path";
import type { MAIN_TABLES } from "@lens/core";
import { getTableCounts } from "@lens/queries";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface Health {
  status: "ok";
  warehouse: string;
  sample: boolean;
  builtAt: string | null;
  rulesetVersion: string | null;
  tables: Record<(typeof MAIN_TABLES)[number], number>;
}

// Row counts never change within one build: counted once per build, so /api/health answers at
// once even while heavy queries hold both DuckDB connections.
let counted: { buildId: string; tables: Health["tables"] } | null = null;

export async function getHealth(holder: WarehouseHolder): Promise<Health> {
  const info = holder.info;
  if (counted?.buildId !== info.buildId) {
    const tables = await holder.use((c) => getTableCounts(c, undefined, { timeoutMs: holder.queryTimeoutMs }));
    counted = { buildId: info.buildId, tables };
  }
  const tables = counted.tables;
  return {
    status: "ok",
    // The file name only: an absolute path would tell the public how the server is laid out.
    warehouse: basename(holder.path),
    sample: info.isSample,
    builtAt: info.builtAt,
    rulesetVersion: info.rulesetVersion,
    tables,
  };
}
