/**
 * Builds the fixture warehouse once per test run: a 2,000-contract generated sample turned
 * into a real DuckDB file by the real build, in a temporary folder removed afterwards.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    warehousePath: string;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "../../../../node_modules/tsx/dist/cli.mjs");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "lens-api-test-"));
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, join(here, "build-fixture.ts"), dir], {
    maxBuffer: 16 * 1024 * 1024,
  });
  project.provide("warehousePath", stdout.trim().split("\n").at(-1) ?? "");
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
