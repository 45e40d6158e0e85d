import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The default sample folder, relative to the repository root (must match @lens/warehouse). */
export const DEFAULT_SAMPLE_DIR = join(
  resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
  "data/sample/generated",
);
