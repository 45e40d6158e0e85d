/**
 * One `data:fetch` invocation: resolve the sources and the window, run each source in turn (one
 * request at a time across all of them), report, and return the exit code. A failing source does
 * not stop the others; any failure makes the exit code non-zero.
 */
import { join } from "node:path";
import { createRunProgress, formatBytes, formatCount } from "@lens/core/progress";
import type { FetchArgs } from "./args.js";
import { parseArgs, shiftDays, USAGE } from "./args.js";
import { CATALOGUE, type CatalogueEntry, describeSource, findCatalogueEntry } from "./catalogue.js";
import { CHILDREN_CPV_FILTER } from "./cpv-filter.js";
import { fetchStaticFiles } from "./file-fetch.js";
import { createHttpClient, type HttpClientOptions } from "./http-client.js";
import { readManifest } from "./manifest.js";
import { type FetchSummary, fetchReleasePackages } from "./paged-fetch.js";
import { type ProgressStream, taskReporter } from "./progress.js";
import { createRebase } from "./rebase-url.js";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface RunDeps {
  stdout: ProgressStream;
  stderr: ProgressStream;
  http?: HttpClientOptions;
  /** Today's date as YYYY-MM-DD (UTC); injected so tests are not date-dependent. */
  today?: () => string;
}

export async function runFetchCli(argv: readonly string[], deps: RunDeps): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    deps.stderr.write(`data:fetch: ${parsed.error}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { args } = parsed;
  if (args.help) {
    deps.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.list) {
    deps.stdout.write(formatList());
    return EXIT_OK;
  }
  const entries: CatalogueEntry[] = [];
  for (const id of args.sources) {
    if (id === "all") {
      entries.push(...CATALOGUE);
      continue;
    }
    const entry = findCatalogueEntry(id);
    if (!entry) {
      deps.stderr.write(`data:fetch: unknown source "${id}"; known: ${CATALOGUE.map((e) => e.id).join(", ")}, all\n`);
      return EXIT_USAGE;
    }
    entries.push(entry);
  }
  return runSources([...new Set(entries)], args, deps);
}

async function runSources(entries: readonly CatalogueEntry[], args: FetchArgs, deps: RunDeps): Promise<number> {
  const progress = createRunProgress(deps.stderr);
  const client = createHttpClient({
    ...deps.http,
    onRetry: (event) => {
      progress.note(`retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)} s: ${event.reason}`);
      deps.http?.onRetry?.(event);
    },
  });
  const rebase = createRebase(args.baseUrl);
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  const failures: string[] = [];

  for (const entry of entries) {
    const task = progress.start(entry.id);
    const reporter = taskReporter(progress, task);
    try {
      let summary: FetchSummary;
      const method = entry.method;
      if (method.kind === "release-packages") {
        const window = await resolveWindow(args, join(args.out, entry.id), today());
        progress.note(`${entry.id}: ${window.from} to ${window.to}${args.allCpv ? " (all CPV codes)" : ""}`);
        summary = await fetchReleasePackages({
          sourceId: entry.id,
          firstUrl: method.firstPageUrl(window.from, window.to),
          window,
          outDir: args.out,
          client,
          rebase,
          filter: args.allCpv ? null : CHILDREN_CPV_FILTER,
          force: args.force,
          progress: reporter,
        });
      } else {
        summary = await fetchStaticFiles({
          sourceId: entry.id,
          method,
          outDir: args.out,
          client,
          rebase,
          force: args.force,
          progress: reporter,
        });
      }
      // A file download has no records to count until the warehouse reads it.
      task.end({ rows: summary.records > 0 ? summary.records : null, columns: summaryColumns(summary) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      task.fail(message);
      progress.note(`${entry.id}: pages saved before the failure are kept; rerun to resume`);
      failures.push(entry.id);
    }
  }
  deps.stderr.write(`\n${progress.summaryTable()}\n`);
  if (failures.length > 0) {
    deps.stderr.write(`data:fetch: ${failures.length} of ${entries.length} source(s) failed: ${failures.join(", ")}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}

/** Without dates, an earlier run's window is resumed rather than a new one started beside it. */
async function resolveWindow(args: FetchArgs, dir: string, today: string): Promise<{ from: string; to: string }> {
  if (args.from === null && args.to === null && !args.force) {
    const earlier = await readManifest(dir);
    const from = earlier?.query.from;
    const to = earlier?.query.to;
    if (typeof from === "string" && typeof to === "string") return { from, to };
  }
  const to = args.to ?? today;
  const from = args.from ?? shiftDays(to, -30);
  if (from > to) throw new Error(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/** The end line's and summary table's columns: where the files are, what was fetched or kept. */
function summaryColumns(summary: FetchSummary): Record<string, string> {
  return {
    files: String(summary.files),
    fetched: String(summary.fetched),
    "kept (earlier run)": String(summary.kept),
    size: formatBytes(summary.bytes),
    "children's CPV": summary.matched === null ? "—" : formatCount(summary.matched),
    folder: summary.dir,
  };
}

export function formatList(): string {
  const lines: string[] = [];
  for (const entry of CATALOGUE) {
    const info = describeSource(entry);
    lines.push(
      `${entry.id}`,
      `  ${info.title}`,
      `  publisher: ${info.publisher}`,
      `  licence:   ${info.licence} (${info.licenceUrl})`,
      `  address:   ${entry.officialUrl}`,
      `  fetches:   ${entry.covers}`,
      "",
    );
  }
  return `${lines.join("\n")}`;
}
