/**
 * `manifest.json` in each source folder: what was fetched, from where, when, and the checksum of
 * each saved file. It is rewritten after every saved file, so an interrupted run can resume from
 * the last file whose bytes still match. Files are written to a temporary name and renamed, so a
 * crash never leaves a half-written page under a real name.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CpvFilterInfo } from "./cpv-filter.js";
import { isRecord } from "./cpv-filter.js";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestEntry {
  /** File name inside the source folder. */
  file: string;
  /** The URL as requested (after any --base-url). */
  url: string;
  fetchedAt: string;
  status: number;
  sha256: string;
  bytes: number;
  /** Releases in a release-package page; null for other files. */
  records: number | null;
  /** Releases that passed the CPV filter; null when no filter applies. */
  matched: number | null;
  /** Ocids with at least one matching release; null when no filter applies. */
  matchedOcids: string[] | null;
  /** A page's `links.next`, for humans; resume reads it again from the saved page itself. */
  next: string | null;
  attempts: number;
}

export interface Manifest {
  version: 1;
  source: string;
  kind: "release-packages" | "files";
  /** What was asked for; a rerun with a different query refuses to mix results. */
  query: Record<string, string | null>;
  filter: CpvFilterInfo | null;
  complete: boolean;
  updatedAt: string;
  entries: ManifestEntry[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${path}.partial`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if (isRecord(error) && error.code === "ENOENT") return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${join(dir, MANIFEST_FILE)} is not valid JSON; delete it or rerun with --force`);
  }
  if (
    !isRecord(parsed) ||
    parsed.version !== 1 ||
    typeof parsed.source !== "string" ||
    !Array.isArray(parsed.entries) ||
    !isRecord(parsed.query)
  ) {
    throw new Error(`${join(dir, MANIFEST_FILE)} is not a fetch manifest (version 1); rerun with --force`);
  }
  // Shape checked above for the fields resume depends on; entries are checked file by file.
  return parsed as unknown as Manifest;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Whether a manifest entry's file is on disk with the recorded bytes; returns them if so. */
export async function readVerified(dir: string, entry: ManifestEntry): Promise<Buffer | null> {
  if (typeof entry.file !== "string" || typeof entry.sha256 !== "string") return null;
  try {
    const bytes = await readFile(join(dir, entry.file));
    return sha256Hex(bytes) === entry.sha256 ? bytes : null;
  } catch {
    // Missing or unreadable: the caller refetches it, which is the whole point of the check.
    return null;
  }
}

export function sameQuery(a: Record<string, string | null>, b: Record<string, string | null>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? null) !== (b[key] ?? null)) return false;
  return true;
}
