/**
 * A warehouse built by an older version of Lens (another schema version) is refused when it is
 * opened, with a message saying how to rebuild it — not served until some page hits a missing
 * column and answers 500.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMA_VERSION } from "@lens/core";
import { openWarehouse } from "@lens/warehouse";
import { afterAll, expect, it } from "vitest";
import { fixturePath } from "./test/fixture.js";
import { WarehouseHolder } from "./warehouse-holder.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it("refuses a warehouse of another schema version, naming both versions and the rebuild command", async () => {
  const dir = await mkdtemp(join(tmpdir(), "lens-schema-"));
  dirs.push(dir);
  const old = join(dir, "old.duckdb");
  await copyFile(fixturePath(), old);
  const writable = await openWarehouse(old, { readOnly: false });
  const c = await writable.connect();
  await c.run("UPDATE build_info SET value = $v WHERE key = 'schema_version'", { v: String(SCHEMA_VERSION - 1) });
  c.closeSync();
  writable.close();

  const holder = new WarehouseHolder(old, { queryTimeoutMs: 5_000 });
  await expect(holder.open()).rejects.toThrow(
    new RegExp(
      `old\\.duckdb was built with warehouse schema ${SCHEMA_VERSION - 1}; this version reads schema ${SCHEMA_VERSION}\\. Rebuild it: npm run data:build`,
    ),
  );

  const current = new WarehouseHolder(fixturePath(), { queryTimeoutMs: 5_000 });
  await expect(current.open()).resolves.toMatchObject({ rulesetVersion: expect.any(String) });
  current.close();
});
