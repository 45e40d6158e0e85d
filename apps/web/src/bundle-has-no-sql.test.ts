// @vitest-environment node
/**
 * The built web bundle carries no SQL and no classification pattern: the registry the app reads
 * (@lens/core) is browser-safe, metric SQL stays in @lens/queries on the server, and the rules
 * stay behind `@lens/core/classify`. Builds the app with vite exactly as `vite build` does, into
 * a temporary directory, and reads every emitted script.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  LEDGER_LINE_RULES,
  PORTAL_BUYERS,
  PROCUREMENT_CONSORTIA,
  SERVICE_RULES,
  TRUST_NAMES,
} from "@lens/core/classify";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every regular expression inside the rules (patterns, exceptions, refinements). */
function patternsIn(value: unknown, out: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) out.push(value);
  else if (Array.isArray(value)) for (const v of value) patternsIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) patternsIn(v, out);
  return out;
}

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

describe("the built web bundle", () => {
  let outDir: string;
  let bundle: string;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "lens-web-bundle-"));
    await build({
      root: webDir,
      configFile: join(webDir, "vite.config.ts"),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true },
    });
    bundle = scripts(outDir).join("\n");
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("is built", () => {
    expect(bundle.length).toBeGreaterThan(100_000);
  });

  it("contains no SQL", () => {
    for (const sql of ["SELECT", "PARTITION BY", "GROUP BY", "FILTER (WHERE", "nullif(", "f.value_flag"])
      expect(bundle.includes(sql), sql).toBe(false);
  });

  it("contains no classification pattern", () => {
    const patterns = patternsIn([
      SERVICE_RULES,
      LEDGER_LINE_RULES,
      PORTAL_BUYERS,
      PROCUREMENT_CONSORTIA,
      TRUST_NAMES,
    ]).filter((p) => p.source.length >= 12);
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) expect(bundle.includes(p.source), p.source).toBe(false);
    // Scope and buyer patterns, written out: the words a rule looks for, as the rule spells them.
    for (const text of [
      "unregulated accommodation|leaving care",
      "(?<!travel )",
      "playgroups|nurseries",
      "short ?breaks?",
    ])
      expect(bundle.includes(text), text).toBe(false);
  });
});
