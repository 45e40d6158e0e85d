/** The API's configuration, read from the environment here and nowhere else. */
import { resolve } from "node:path";
import { DEFAULT_WAREHOUSE_PATH, REPO_ROOT } from "@lens/warehouse";

export interface ApiEnv {
  port: number;
  host: string;
  warehousePath: string;
  webDist: string;
  queryTimeoutMs: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    warehousePath: env.LENS_WAREHOUSE ? resolve(env.LENS_WAREHOUSE) : DEFAULT_WAREHOUSE_PATH,
    webDist: resolve(REPO_ROOT, "apps/web/dist"),
    queryTimeoutMs: Number(env.LENS_QUERY_TIMEOUT_MS ?? 15000),
  };
}
