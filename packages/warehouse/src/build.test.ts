import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSample } from "@lens/sample";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildError, buildWarehouse } from "./build.js";
import { openWarehouse, queryRows } from "./db.js";

let dir: string;
let sample: string;
let out: string;

const checksum = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-build-test-"));
  sample = join(dir, "sample");
  out = join(dir, "warehouse", "lens.duckdb");
  await generateSample({ outDir: sample, seed: 7, contracts: 400, fromYear: 2015, toYear: 2025 });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("buildWarehouse", () => {
  it("builds a labelled sample warehouse and accounts for every row", async () => {
    const summary = await buildWarehouse({ sourcesDir: sample, outPath: out });
    expect(summary.isSample).toBe(true);
    const contracts = summary.sources.find((s) => s.source === "contracts-finder");
    expect(contracts).toMatchObject({ files: 1, rowsRead: 400, rowsKept: 400, rowsRejected: 0 });
    // The sample's Ofsted in-year files go through the real parsers with nothing rejected.
    for (const source of ["ofsted-providers", "ofsted-inspections", "ofsted-joiners-leavers"]) {
      const s = summary.sources.find((x) => x.source === source);
      expect(s, source).toMatchObject({ files: 11, rowsRejected: 0 });
      expect(s!.rowsKept, source).toBeGreaterThan(1000);
    }
    const warehouse = await openWarehouse(out, { readOnly: true });
    const c = await warehouse.connect();
    const [info] = await queryRows<{ is_sample: string; n: number; unclassified: number }>(
      c,
      `SELECT (SELECT value FROM build_info WHERE key = 'is_sample') AS is_sample,
              (SELECT count(*)::INTEGER FROM contracts) AS n,
              (SELECT count(*)::INTEGER FROM contracts WHERE commissioning_model IS NULL) AS unclassified`,
    );
    c.closeSync();
    warehouse.close();
    expect(info).toEqual({ is_sample: "true", n: 400, unclassified: 0 });
    expect((await readdir(join(dir, "warehouse"))).filter((f) => f.includes("building"))).toEqual([]);
  }, 60_000);

  it("leaves the previous warehouse untouched when a source file is truncated", async () => {
    const before = await checksum(out);
    const broken = join(dir, "broken");
    await generateSample({ outDir: broken, seed: 7, contracts: 50, fromYear: 2015, toYear: 2025 });
    const releases = join(broken, "contracts-finder-ocds", "releases.jsonl");
    const size = (await readFile(releases)).length;
    await truncate(releases, Math.floor(size / 2));
    await expect(buildWarehouse({ sourcesDir: broken, outPath: out })).rejects.toThrow(
      /contracts-finder.*contracts-finder-ocds\/releases\.jsonl/,
    );
    expect(await checksum(out)).toBe(before);
    expect((await readdir(join(dir, "warehouse"))).sort()).toEqual(["lens.duckdb"]);
  }, 60_000);

  it("fails a source whose reject rate is above its limit, naming the reasons", async () => {
    const messy = join(dir, "messy");
    await generateSample({ outDir: messy, seed: 7, contracts: 10, fromYear: 2015, toYear: 2025 });
    const lookup = join(messy, "la-reference", "d2i_la_lookup_stat_neighbours.csv");
    const junk = Array.from(
      { length: 40 },
      (_, i) => `,${900 + i},E0,,,,Nowhere ${i},,,,,,,,,,,,,,England,,County`,
    ).join("\n");
    await appendFile(lookup, `${junk}\n`);
    const error = await buildWarehouse({ sourcesDir: messy, outPath: join(dir, "messy.duckdb") }).catch((e) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect(String(error.message)).toMatch(/la-reference: .*rejected, above its 5\.0% limit/);
    expect(existsSync(join(dir, "messy.duckdb"))).toBe(false);
  }, 60_000);

  it("refuses a folder with no known sources", async () => {
    const empty = join(dir, "empty");
    await generateSample({ outDir: empty, seed: 1, contracts: 1, fromYear: 2015, toYear: 2015 });
    await rm(empty, { recursive: true });
    await expect(buildWarehouse({ sourcesDir: empty, outPath: join(dir, "x.duckdb") })).rejects.toThrow(/not found/);
    await writeFile(join(dir, "lonely.txt"), "nothing");
  });
});
