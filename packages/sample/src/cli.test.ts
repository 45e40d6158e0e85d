import { runCommand, stackLines } from "@lens/core/cli-testing";
import { describe, expect, it } from "vitest";

const ENTRY = "packages/sample/src/cli.ts";

// Misuse must stop before anything is generated: a usage error, exit 2, no stack trace.
describe("data:sample", () => {
  it.concurrent.each([
    [["--bogus"], "unknown argument: --bogus"],
    [["--out"], "--out needs a folder"],
    [["--contracts", "abc"], "--contracts needs a positive whole number, got 'abc'"],
    [["--contracts", "0"], "--contracts needs a positive whole number, got '0'"],
    [["--seed=1.5"], "--seed needs a whole number, got '1.5'"],
  ])("answers %j with usage on stderr and exit 2", async (args, message) => {
    const run = await runCommand(ENTRY, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`data:sample: ${message}\n`);
    expect(run.stderr).toContain("Usage: npm run data:sample -- ");
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stdout).toBe("");
  });

  it("prints usage on stdout and exits 0 for --help", async () => {
    const run = await runCommand(ENTRY, ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run data:sample -- /);
    expect(run.stdout).toContain("--contracts N");
  });
});
