import { MAIN_TABLES } from "@lens/core";
import { queryRows } from "@lens/warehouse";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface Health {
  status: "ok";
  warehouse: string;
  sample: boolean;
  builtAt: string | null;
  rulesetVersion: string | null;
  tables: Record<string, number>;
}

export async function getHealth(holder: WarehouseHolder): Promise<Health> {
  const counts = await holder.use((c) =>
    queryRows<{ t: string; n: number }>(
      c,
      MAIN_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM ${t}`).join(" UNION ALL "),
    ),
  );
  const info = holder.info;
  return {
    status: "ok",
    warehouse: holder.path,
    sample: info.isSample,
    builtAt: info.builtAt,
    rulesetVersion: info.rulesetVersion,
    tables: Object.fromEntries(counts.map((r) => [r.t, r.n])),
  };
}
