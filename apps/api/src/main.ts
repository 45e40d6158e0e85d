/** Starts the API and the dashboard on one port. */
import type { AddressInfo } from "node:net";
import { formatCount } from "@lens/core";
import { readEnv } from "./env.js";
import { getHealth } from "./health.js";
import { DEFAULT_CACHE_OPTIONS, QueryCache } from "./query-cache.js";
import { createLensServer } from "./server.js";
import { WarehouseHolder } from "./warehouse-holder.js";

const env = readEnv();
const warehouse = new WarehouseHolder(env.warehousePath, { queryTimeoutMs: env.queryTimeoutMs });
try {
  await warehouse.open();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
warehouse.watchForRebuilds();
warehouse.onReload((info) => console.log(`Warehouse reloaded (built ${info.builtAt}).`));
process.on("SIGHUP", () => void warehouse.reload());

const cache = new QueryCache({ ...DEFAULT_CACHE_OPTIONS, maxEntries: env.cacheEntries });
const server = createLensServer({ warehouse, webDist: env.webDist, cache });
// A port already in use (or not ours to bind) is the commonest start-up failure: say so plainly.
server.on("error", (error: NodeJS.ErrnoException) => {
  const reason = error.code === "EADDRINUSE" ? "is already in use" : `cannot be used (${error.code ?? error.message})`;
  console.error(`Port ${env.port} on ${env.host} ${reason}: stop the other server or set PORT to another port.`);
  warehouse.close();
  process.exit(1);
});
server.listen(env.port, env.host, async () => {
  const health = await getHealth(warehouse);
  const t = health.tables;
  // The bound port, not the asked one: PORT=0 picks a free port (tests read this line).
  const { port } = server.address() as AddressInfo;
  console.log(`Commissioning Lens is serving on http://localhost:${port}`);
  console.log(
    `${health.sample ? "SAMPLE DATA (not real)" : "Real data"}: ${formatCount(t.contracts)} contracts, ${formatCount(
      t.provider_snapshots,
    )} provider snapshots, ${formatCount(t.spend)} spend lines, ${formatCount(t.local_authorities)} councils — built ${health.builtAt ?? "?"} (${env.warehousePath})`,
  );
  if (health.sample)
    console.log(
      "For the real open data: npm run data:build -- --sources <folder of source files> --out data/warehouse/real.duckdb, then LENS_WAREHOUSE=data/warehouse/real.duckdb npm start (README, “Real data”).",
    );
});

// Stop taking requests, let the running ones finish, then close the warehouse: closing DuckDB
// under a running query crashed or hung the process. A second signal stops at once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    server.closeIdleConnections();
    void warehouse.closeWhenIdle().then((closed) => {
      if (!closed) console.error("Queries still running at shutdown were abandoned.");
      process.exit(0);
    });
  });
