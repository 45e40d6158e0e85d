import { runCommand, stackLines } from "@lens/core/cli-testing";
import { describe, expect, it } from "vitest";

const ENTRY = "packages/fetch/src/cli.ts";

// The real entry point, not runFetchCli: misuse exits 2 with usage before any request is made.
describe("data:fetch", () => {
  it.concurrent.each([
    [["--bogus"], "unknown argument: --bogus"],
    [["--source", "all", "--out"], "--out needs a folder"],
    [["--source", "all", "--from", "abc"], "--from needs a date as YYYY-MM-DD, got 'abc'"],
    [[], "--source is required (or --list)"],
  ])("answers %j with usage on stderr and exit 2", async (args, message) => {
    const run = await runCommand(ENTRY, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`data:fetch: ${message}\n`);
    expect(run.stderr).toContain("Usage: npm run data:fetch -- ");
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stdout).toBe("");
  });

  it("prints usage on stdout and exits 0 for --help", async () => {
    const run = await runCommand(ENTRY, ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run data:fetch -- /);
  });
});
