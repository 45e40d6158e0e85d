/**
 * Where the real source files live for tests: LENS_SHARED_DATA, else ../shared/data beside
 * the repository. In CI (CI=true) a missing folder is a failure with a clear message;
 * elsewhere real-data tests are skipped with a one-line notice, so `npm test` passes on a
 * fresh clone without the data.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export const SHARED_DATA_ENV = "LENS_SHARED_DATA";

export function sharedDataDir(): string | null {
  const dir = process.env[SHARED_DATA_ENV] ? resolve(process.env[SHARED_DATA_ENV]) : join(REPO_ROOT, "../shared/data");
  if (existsSync(dir)) return dir;
  if (process.env.CI === "true")
    throw new Error(
      `Real source data not found at ${dir}: CI needs ../shared/data beside the repository (or ${SHARED_DATA_ENV}).`,
    );
  console.warn(`Skipping real-data tests: no folder at ${dir} (set ${SHARED_DATA_ENV} to point at the shared data).`);
  return null;
}
