/** Shared by the benchmarks: cache folder, machine facts, percentiles and the docs/benchmarks.md writer. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CACHE = join(ROOT, "bench/.cache");
export const SAMPLE_1M = join(CACHE, "sample-1m");
export const WAREHOUSE_1M = join(CACHE, "lens-1m.duckdb");
export const BENCHMARKS_MD = join(ROOT, "docs/benchmarks.md");

export function machineFacts(): string {
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc missing (not Linux): the CPU count from Node stands in.
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${new Date().toISOString().slice(0, 10)} · \`nproc\` ${nproc} (${cpu}) · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · ${process.platform}`;
}

/** A loopback port nothing is listening on (the OS picks it; closed again before it is used). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: readonly number[]): { p50: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

export const ms = (v: number): string =>
  Number.isNaN(v) ? "—" : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);

/** Times `fn` repeatedly (after `warmup` runs) until `runs` samples or `budgetMs` is spent. */
export async function timeRepeated(
  fn: () => Promise<unknown> | unknown,
  options: { runs: number; budgetMs: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 1); i++) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + options.budgetMs;
  while (samples.length < options.runs && (samples.length < 3 || performance.now() < deadline)) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/**
 * Replaces the `## <title>` section of docs/benchmarks.md (up to the next `## `), or appends
 * it, leaving every other section as it was.
 */
export async function writeSection(title: string, body: string): Promise<void> {
  const header =
    "# Benchmarks\n\nWritten by `npm run bench:build` and `npm run bench:api`; each run replaces only its own section.\n";
  const current = existsSync(BENCHMARKS_MD) ? await readFile(BENCHMARKS_MD, "utf8") : header;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const lines = current.split("\n");
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = lines.findIndex((l, i) => i > start && l.startsWith("## "));
    const before = lines.slice(0, start).join("\n").trimEnd();
    const rest = after < 0 ? "" : `\n${lines.slice(after).join("\n")}`;
    next = `${before}\n\n${section}${rest}`;
  }
  await writeFile(BENCHMARKS_MD, `${next.trimEnd()}\n`);
}
