import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand, stackLines } from "@lens/core/cli-testing";
import { describe, expect, it } from "vitest";
import { DEFAULT_WAREHOUSE_PATH } from "./paths.js";

// Misuse must stop before any warehouse is opened or built: a usage error, exit 2, no stack trace.
describe.each([
  ["data:build", "packages/warehouse/src/build-cli.ts", ["--sources", "abc", "--out="]],
  ["data:export", "packages/warehouse/src/export-cli.ts", ["--warehouse", "x.duckdb"]],
] as const)("%s", (command, entry, badValue) => {
  it.concurrent.each([
    [["--bogus"], "unknown argument: --bogus"],
    [["--out"], command === "data:build" ? "--out needs a file path" : "unknown argument: --out"],
    [badValue, command === "data:build" ? "--out needs a file path, got ''" : "--parquet is required"],
    [["stray"], "unexpected argument: stray"],
  ])("answers %j with usage on stderr and exit 2", async (args, message) => {
    const run = await runCommand(entry, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${command}: ${message}\n`);
    expect(run.stderr).toContain(`Usage: npm run ${command} -- `);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stdout).toBe("");
  });

  it("prints usage on stdout and exits 0 for --help", async () => {
    const run = await runCommand(entry, ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: npm run ${command} -- `));
    expect(run.stderr).toBe("");
  });
});

describe("data:build", () => {
  it("will not write sources other than the sample over the sample warehouse npm start keeps (exit 2)", async () => {
    const sources = mkdtempSync(join(tmpdir(), "lens-not-sample-"));
    const before = statSync(DEFAULT_WAREHOUSE_PATH, { throwIfNoEntry: false })?.mtimeMs;
    try {
      const run = await runCommand("packages/warehouse/src/build-cli.ts", [
        "--sources",
        sources,
        "--out",
        "data/warehouse/lens.duckdb",
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("data:build: data/warehouse/lens.duckdb is the sample warehouse");
      expect(run.stderr).toContain("data/warehouse/real.duckdb");
      expect(stackLines(run.stderr)).toEqual([]);
      expect(statSync(DEFAULT_WAREHOUSE_PATH, { throwIfNoEntry: false })?.mtimeMs).toBe(before);
    } finally {
      rmSync(sources, { recursive: true, force: true });
    }
  });
});

describe("data:export", () => {
  it("says plainly that the warehouse is missing (exit 1, no stack trace)", async () => {
    const run = await runCommand("packages/warehouse/src/export-cli.ts", [
      "--parquet",
      "data/never-written",
      "--warehouse",
      "data/no-such-warehouse.duckdb",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("data:export: no warehouse at ");
    expect(stackLines(run.stderr)).toEqual([]);
  });
});
