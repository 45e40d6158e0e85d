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

export async function getHealth(holder: WarehouseHolder): Promise<Health> {
  const tables = await holder.use((c) => getTableCounts(c, undefined, { timeoutMs: holder.queryTimeoutMs }));
  const info = holder.info;
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
