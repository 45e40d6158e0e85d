/** docs/warehouse.md, found from this file so the script and the test work from any directory. */
import { fileURLToPath } from "node:url";

export const WAREHOUSE_DOC = fileURLToPath(new URL("../../../docs/warehouse.md", import.meta.url));
