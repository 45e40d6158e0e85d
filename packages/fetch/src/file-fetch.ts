/**
 * Static statistics files (Ofsted, DfE). A discovery document lists the files of a release; the
 * ones the catalogue asks for are downloaded and saved under their published file names. A rerun
 * skips a file whose URL is in the manifest and whose bytes still match; `--force` refetches.
 * The discovery documents are always re-read (one small request each), so a new release is seen.
 */
import { mkdir, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import type { EesLatestRelease, FetchMethod, GovUkAttachments } from "./catalogue.js";
import { isRecord } from "./cpv-filter.js";
import type { HttpClient } from "./http-client.js";
import type { Manifest, ManifestEntry } from "./manifest.js";
import { readManifest, readVerified, sha256Hex, writeFileAtomic, writeManifest } from "./manifest.js";
import { FetchRunError, type FetchSummary } from "./paged-fetch.js";
import type { ProgressReporter } from "./progress.js";
import type { Rebase } from "./rebase-url.js";

export interface RemoteFile {
  /** Official URL (before --base-url). */
  url: string;
  fileName: string;
  title: string;
}

export interface FileFetchOptions {
  sourceId: string;
  method: GovUkAttachments | EesLatestRelease;
  outDir: string;
  client: HttpClient;
  rebase: Rebase;
  force: boolean;
  progress: ProgressReporter;
  now?: () => Date;
}

const ANY_FILE = "*/*";

export async function fetchStaticFiles(options: FileFetchOptions): Promise<FetchSummary> {
  const { sourceId, client, rebase, progress } = options;
  const now = options.now ?? (() => new Date());
  const dir = join(options.outDir, sourceId);
  await mkdir(dir, { recursive: true });

  const files = await listFiles(options.method, client, rebase);
  if (files.length === 0) {
    throw new FetchRunError(`${sourceId}: the release lists no files matching ${describeMethod(options.method)}`, "");
  }

  const previous = options.force ? null : await readManifest(dir);
  const previousByUrl = new Map((previous?.entries ?? []).map((entry) => [entry.url, entry]));
  const manifest: Manifest = {
    version: 1,
    source: sourceId,
    kind: "files",
    query: { discovery: describeMethod(options.method) },
    filter: null,
    complete: false,
    updatedAt: now().toISOString(),
    entries: [],
  };
  let bytes = 0;
  let kept = 0;
  const usedNames = new Set<string>();

  for (const [index, file] of files.entries()) {
    const requestUrl = rebase(file.url);
    const fileName = uniqueName(file.fileName, usedNames);
    const earlier = previousByUrl.get(requestUrl);
    const saved = earlier && earlier.file === fileName ? await readVerified(dir, earlier) : null;
    if (earlier && saved) {
      manifest.entries.push(earlier);
      bytes += saved.length;
      kept++;
    } else {
      let response: Awaited<ReturnType<HttpClient["get"]>>;
      try {
        response = await client.get(requestUrl, { accept: ANY_FILE });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new FetchRunError(
          `${sourceId}: file ${index + 1} of ${files.length} (${file.title}) failed: ${reason}`,
          requestUrl,
        );
      }
      await writeFileAtomic(join(dir, fileName), response.body);
      const entry: ManifestEntry = {
        file: fileName,
        url: requestUrl,
        fetchedAt: now().toISOString(),
        status: response.status,
        sha256: sha256Hex(response.body),
        bytes: response.body.length,
        records: null,
        matched: null,
        matchedOcids: null,
        next: null,
        attempts: response.attempts,
      };
      manifest.entries.push(entry);
      bytes += response.body.length;
    }
    manifest.updatedAt = now().toISOString();
    await writeManifest(dir, manifest);
    progress.update({
      source: sourceId,
      done: index + 1,
      total: files.length,
      records: 0,
      bytes,
      skipped: kept,
      label: "files",
    });
  }

  // Files of an older release no longer listed: drop them so the warehouse reads one consistent set.
  const current = new Set(manifest.entries.map((entry) => entry.file));
  for (const entry of previous?.entries ?? []) {
    if (!current.has(entry.file)) await rm(join(dir, entry.file), { force: true });
  }
  manifest.complete = true;
  await writeManifest(dir, manifest);
  return {
    source: sourceId,
    dir,
    files: manifest.entries.length,
    fetched: manifest.entries.length - kept,
    kept,
    records: 0,
    matched: null,
    bytes,
  };
}

export async function listFiles(
  method: GovUkAttachments | EesLatestRelease,
  client: HttpClient,
  rebase: Rebase,
): Promise<RemoteFile[]> {
  return method.kind === "govuk-attachments"
    ? listGovUkAttachments(method, client, rebase)
    : listEesFiles(method, client, rebase);
}

async function getJson(client: HttpClient, url: string): Promise<unknown> {
  try {
    const response = await client.get(url, { validate: (body) => void JSON.parse(body.toString("utf8")) });
    return JSON.parse(response.body.toString("utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FetchRunError(`discovery document failed: ${reason}`, url);
  }
}

/** GOV.UK Content API: `details.attachments[]` with `url`, `title` and (usually) `filename`. */
async function listGovUkAttachments(
  method: GovUkAttachments,
  client: HttpClient,
  rebase: Rebase,
): Promise<RemoteFile[]> {
  const out: RemoteFile[] = [];
  for (const contentUrl of method.contentUrls) {
    const requestUrl = rebase(contentUrl);
    const item = await getJson(client, requestUrl);
    const details = isRecord(item) ? item.details : undefined;
    const attachments = isRecord(details) && Array.isArray(details.attachments) ? details.attachments : null;
    if (attachments === null)
      throw new FetchRunError("not a GOV.UK content item with details.attachments[]", requestUrl);
    const seen: string[] = [];
    for (const attachment of attachments) {
      if (!isRecord(attachment) || typeof attachment.url !== "string") continue;
      // Relative asset paths resolve against the content item's official origin.
      const url = new URL(attachment.url, contentUrl).href;
      const title = typeof attachment.title === "string" ? attachment.title : "";
      const fileName = typeof attachment.filename === "string" ? attachment.filename : fileNameOf(url);
      seen.push(title || fileName);
      const haystack = `${title} ${fileName}`;
      if (!method.include.test(haystack) || method.exclude?.test(haystack)) continue;
      out.push({ url, fileName, title: title || fileName });
    }
    if (seen.length === 0) throw new FetchRunError("the release has no attachments", requestUrl);
  }
  return out;
}

/** EES content API: the latest release's `id` and `downloadFiles[]` (`id`, `fileName`, `name`). */
async function listEesFiles(method: EesLatestRelease, client: HttpClient, rebase: Rebase): Promise<RemoteFile[]> {
  const requestUrl = rebase(method.releaseUrl);
  const release = await getJson(client, requestUrl);
  if (!isRecord(release) || typeof release.id !== "string" || !Array.isArray(release.downloadFiles)) {
    throw new FetchRunError("not an EES release with id and downloadFiles[]", requestUrl);
  }
  const out: RemoteFile[] = [];
  for (const file of release.downloadFiles) {
    if (!isRecord(file) || typeof file.id !== "string" || typeof file.fileName !== "string") continue;
    if (file.type === "Ancillary" || !method.include.test(file.fileName)) continue;
    const title = typeof file.name === "string" ? file.name : file.fileName;
    out.push({ url: method.fileUrl(release.id, file.id), fileName: file.fileName, title });
  }
  return out;
}

function describeMethod(method: FetchMethod): string {
  switch (method.kind) {
    case "govuk-attachments":
      return `${method.contentUrls.join(", ")} (attachments matching ${method.include})`;
    case "ees-latest-release":
      return `${method.releaseUrl} (files matching ${method.include})`;
    case "release-packages":
      return "release packages";
  }
}

function fileNameOf(url: string): string {
  return decodeURIComponent(basename(new URL(url).pathname)) || "download";
}

/** Published names are kept (the ingest recognises files by header, names help people), made safe and unique. */
function uniqueName(name: string, used: Set<string>): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "download";
  let candidate = safe === "manifest.json" ? "manifest-file.json" : safe;
  for (let n = 2; used.has(candidate); n++) candidate = safe.replace(/(\.[^.]*)?$/, `-${n}$1`);
  used.add(candidate);
  return candidate;
}
