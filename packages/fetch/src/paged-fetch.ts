/**
 * Follows an OCDS release-package API's `links.next` cursor and saves every page exactly as
 * received (`page-0001.json`, …). What must stay true:
 * - a saved page is byte-identical to the response body, and the manifest holds its checksum;
 * - a rerun keeps every page whose checksum still matches and resumes the cursor chain from the
 *   last kept page's own `links.next` (read back from the file, not trusted from the manifest);
 * - a page that fails (4xx, unusable body, cursor loop) stops the run with the URL named, and
 *   every page saved before it stays on disk and in the manifest.
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { CpvFilterInfo } from "./cpv-filter.js";
import { releaseIsChildrens } from "./cpv-filter.js";
import type { HttpClient } from "./http-client.js";
import type { Manifest, ManifestEntry } from "./manifest.js";
import { readManifest, readVerified, sameQuery, sha256Hex, writeFileAtomic, writeManifest } from "./manifest.js";
import type { ProgressReporter } from "./progress.js";
import type { Rebase } from "./rebase-url.js";
import { parseReleasePackage, releaseOcid } from "./release-package.js";

export class FetchRunError extends Error {
  override readonly name = "FetchRunError";
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

export interface PagedFetchOptions {
  sourceId: string;
  /** The first page's URL at the official origin; also the identity of the query. */
  firstUrl: string;
  /** The window asked for, recorded so a rerun without dates resumes the same one. */
  window: { from: string; to: string };
  outDir: string;
  client: HttpClient;
  rebase: Rebase;
  filter: CpvFilterInfo | null;
  force: boolean;
  progress: ProgressReporter;
  now?: () => Date;
}

export interface FetchSummary {
  source: string;
  dir: string;
  files: number;
  fetched: number;
  kept: number;
  records: number;
  matched: number | null;
  bytes: number;
}

const PAGE_FILE = /^page-\d{4,}\.json$/;

export function pageFileName(index: number): string {
  return `page-${String(index).padStart(4, "0")}.json`;
}

export async function fetchReleasePackages(options: PagedFetchOptions): Promise<FetchSummary> {
  const { sourceId, firstUrl, client, rebase, filter, progress } = options;
  const now = options.now ?? (() => new Date());
  const dir = join(options.outDir, sourceId);
  await mkdir(dir, { recursive: true });
  const query = { from: options.window.from, to: options.window.to, firstUrl };

  const previous = options.force ? null : await readManifest(dir);
  if (previous && !sameQuery(previous.query, query)) {
    throw new FetchRunError(
      `${dir} holds pages for another query (${previous.query.firstUrl}); rerun with --force to replace them, or choose another --out`,
      firstUrl,
    );
  }

  const entries: ManifestEntry[] = [];
  // Every URL requested or pointed at so far, as actually requested (after --base-url), so a
  // mirror's absolute `links.next` and the official first URL compare equal.
  const seen = new Set<string>([rebase(firstUrl)]);
  let nextUrl: string | null = firstUrl;
  let records = 0;
  let matched = 0;
  let bytes = 0;

  for (const entry of previous?.entries ?? []) {
    const saved = await readVerified(dir, entry);
    if (saved === null) {
      progress.note(`${sourceId}: ${entry.file} is missing or changed; refetching from there`);
      break;
    }
    const page = parseReleasePackage(saved);
    const stats = filterPage(page.releases, filter);
    entries.push({ ...entry, ...stats, next: page.next });
    records += page.releases.length;
    matched += stats.matched ?? 0;
    bytes += saved.length;
    nextUrl = page.next;
    if (nextUrl === null) continue;
    // The loop that stopped an earlier run must stop this one too, not be followed.
    if (seen.has(rebase(nextUrl))) {
      throw new FetchRunError(
        `${sourceId}: cursor loop: links.next of ${entry.file} is ${nextUrl}, already requested`,
        nextUrl,
      );
    }
    seen.add(rebase(nextUrl));
  }
  const kept = entries.length;
  if (entries.length === 0) nextUrl = firstUrl;
  await removeStrayPages(dir, new Set(entries.map((entry) => entry.file)));

  const manifest: Manifest = {
    version: 1,
    source: sourceId,
    kind: "release-packages",
    query,
    filter,
    complete: nextUrl === null,
    updatedAt: now().toISOString(),
    entries,
  };
  await writeManifest(dir, manifest);
  const report = (): void =>
    progress.update({
      source: sourceId,
      done: entries.length,
      total: null,
      records,
      bytes,
      skipped: kept,
      label: "pages",
    });
  if (kept > 0) report();

  while (nextUrl !== null) {
    const requestUrl = rebase(nextUrl);
    const index: number = entries.length + 1;
    let response: Awaited<ReturnType<HttpClient["get"]>>;
    try {
      response = await client.get(requestUrl, { validate: (body) => void parseReleasePackage(body) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new FetchRunError(`${sourceId}: page ${index} failed: ${reason}`, requestUrl);
    }
    const page = parseReleasePackage(response.body);
    const file = pageFileName(index);
    await writeFileAtomic(join(dir, file), response.body);
    const stats = filterPage(page.releases, filter);
    entries.push({
      file,
      url: requestUrl,
      fetchedAt: now().toISOString(),
      status: response.status,
      sha256: sha256Hex(response.body),
      bytes: response.body.length,
      records: page.releases.length,
      ...stats,
      next: page.next,
      attempts: response.attempts,
    });
    records += page.releases.length;
    matched += stats.matched ?? 0;
    bytes += response.body.length;
    manifest.updatedAt = now().toISOString();
    manifest.complete = page.next === null;
    await writeManifest(dir, manifest);
    report();

    if (page.next !== null) {
      const nextRequest = rebase(page.next);
      if (seen.has(nextRequest)) {
        throw new FetchRunError(
          `${sourceId}: cursor loop: links.next of page ${index} (${requestUrl}) is ${page.next}, which was already requested`,
          nextRequest,
        );
      }
      seen.add(nextRequest);
    }
    nextUrl = page.next;
  }

  return {
    source: sourceId,
    dir,
    files: entries.length,
    fetched: entries.length - kept,
    kept,
    records,
    matched: filter === null ? null : matched,
    bytes,
  };
}

function filterPage(
  releases: readonly unknown[],
  filter: CpvFilterInfo | null,
): Pick<ManifestEntry, "matched" | "matchedOcids"> {
  if (filter === null) return { matched: null, matchedOcids: null };
  let matched = 0;
  const ocids = new Set<string>();
  for (const release of releases) {
    if (!releaseIsChildrens(release)) continue;
    matched++;
    const ocid = releaseOcid(release);
    if (ocid !== null) ocids.add(ocid);
  }
  return { matched, matchedOcids: [...ocids].sort() };
}

/** Pages not (or no longer) in the manifest would otherwise be read by the warehouse as real data. */
async function removeStrayPages(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if ((PAGE_FILE.test(name) && !keep.has(name)) || name.endsWith(".partial")) {
      await rm(join(dir, name), { force: true });
    }
  }
}
