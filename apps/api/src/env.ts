/** The API's configuration, read from the environment here and nowhere else. */
import { resolve } from "node:path";
import { DEFAULT_WAREHOUSE_PATH, REPO_ROOT } from "@lens/warehouse";
import { DEFAULT_CACHE_OPTIONS } from "./query-cache.js";

export interface ApiEnv {
  port: number;
  host: string;
  warehousePath: string;
  webDist: string;
  queryTimeoutMs: number;
  /** Entries the query cache may hold; 0 turns the cache off (the benchmark measures uncached queries so). */
  cacheEntries: number;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got '${raw}'`);
  return value;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    warehousePath: env.LENS_WAREHOUSE ? resolve(env.LENS_WAREHOUSE) : DEFAULT_WAREHOUSE_PATH,
    // Another built app folder (tests serve a handmade one); the repository's build by default.
    webDist: env.LENS_WEB_DIST ? resolve(env.LENS_WEB_DIST) : resolve(REPO_ROOT, "apps/web/dist"),
    queryTimeoutMs: wholeNumber(env, "LENS_QUERY_TIMEOUT_MS", 15_000, 1),
    cacheEntries: wholeNumber(env, "LENS_QUERY_CACHE_ENTRIES", DEFAULT_CACHE_OPTIONS.maxEntries, 0),
  };
}
