/**
 * Default locations, relative to the repository root. Environment variables are read here
 * and nowhere else in the warehouse package.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SAMPLE_MARKER } from "@lens/core";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const DEFAULT_SAMPLE_DIR = join(REPO_ROOT, "data/sample/generated");
/** The sample warehouse npm start builds and serves. */
export const DEFAULT_WAREHOUSE_PATH = join(REPO_ROOT, "data/warehouse/lens.duckdb");
/** Where a build of any other sources goes unless told. */
export const DEFAULT_REAL_WAREHOUSE_PATH = join(REPO_ROOT, "data/warehouse/real.duckdb");

/** Whether a sources folder is the generated sample (it carries the sample's marker file). */
export function isSampleFolder(sourcesDir: string): boolean {
  return existsSync(join(sourcesDir, SAMPLE_MARKER));
}

/** The warehouse the API serves: LENS_WAREHOUSE, else the default sample warehouse. */
export function warehousePathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.LENS_WAREHOUSE ? resolve(env.LENS_WAREHOUSE) : DEFAULT_WAREHOUSE_PATH;
}
