/**
 * DuckDB access. One instance per file per process (DuckDB locks files per process); the API
 * opens the warehouse read-only so many readers can share it while a build writes a new file.
 * Values reach SQL only as bound parameters.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export { queryRows, type SqlParams } from "@lens/ingest/query";

/** Settings that keep DuckDB offline: extension downloads would fail on a closed network. */
const OFFLINE_OPTIONS = { autoinstall_known_extensions: "false", autoload_known_extensions: "false" };

export interface Warehouse {
  path: string;
  instance: DuckDBInstance;
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

export async function openWarehouse(
  path: string,
  options: { readOnly: boolean; threads?: number },
): Promise<Warehouse> {
  const settings: Record<string, string> = { ...OFFLINE_OPTIONS };
  if (options.readOnly) settings.access_mode = "READ_ONLY";
  if (options.threads) settings.threads = String(options.threads);
  const instance = await DuckDBInstance.create(path, settings);
  return {
    path,
    instance,
    connect: () => instance.connect(),
    close: () => instance.closeSync(),
  };
}

/** A fresh in-memory database, for tests and fixtures. */
export async function openMemoryWarehouse(): Promise<Warehouse> {
  return openWarehouse(":memory:", { readOnly: false });
}
