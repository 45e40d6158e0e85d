/**
 * Test support for the command-line entry points: runs one the way `npm run data:*` does (tsx
 * on the TypeScript file, in its own process) so a test sees the real exit code and streams.
 * Node-only: exported as `@lens/core/cli-testing`.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface CommandRun {
  /** The exit code, or null if a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx <entry> ...args` from the repository root; `entry` is relative to it. */
export function runCommand(entry: string, args: readonly string[], timeoutMs = 60_000): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      join(REPO_ROOT, "node_modules/.bin/tsx"),
      [entry, ...args],
      { cwd: REPO_ROOT, timeout: timeoutMs, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Lines of a JavaScript stack trace ("    at fn (file:1:2)"): a clean failure has none. */
export function stackLines(text: string): string[] {
  return text.split("\n").filter((line) => /^\s+at\s/.test(line));
}
