/**
 * The slice of an OCDS release package the fetcher relies on: `releases[]` to count and filter,
 * `links.next` to follow the cursor. Everything else is kept untouched in the saved page.
 */
import { isRecord } from "./cpv-filter.js";

export interface ReleasePackagePage {
  releases: readonly unknown[];
  next: string | null;
}

export function parseReleasePackage(body: Buffer | string): ReleasePackagePage {
  const text = typeof body === "string" ? body : body.toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`not valid JSON (${text.length} characters; ${reason})`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.releases)) {
    throw new Error("not an OCDS release package: no releases[] array");
  }
  const links = parsed.links;
  let next: string | null = null;
  if (isRecord(links) && links.next != null) {
    if (typeof links.next !== "string") throw new Error("links.next is not a string");
    next = links.next.trim() === "" ? null : links.next;
  }
  return { releases: parsed.releases, next };
}

export function releaseOcid(release: unknown): string | null {
  return isRecord(release) && typeof release.ocid === "string" ? release.ocid : null;
}
