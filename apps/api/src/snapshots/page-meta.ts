/**
 * Link previews for citable links: `/s/<id>` is the web app's index.html with the snapshot's
 * title and description filled into <title>, the description meta and Open Graph tags, so a
 * chat or a document shows what the link cites before anyone opens it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SnapshotStore } from "./store.js";

export const SNAPSHOT_PAGE = /^\/s\/([A-Za-z0-9_-]{10})\/?$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** index.html with the snapshot's meta tags, or null when there is no such snapshot or no built app. */
export async function snapshotPageHtml(webDist: string, store: SnapshotStore, id: string): Promise<string | null> {
  const snapshot = await store.get(id);
  if (!snapshot) return null;
  let html: string;
  try {
    html = await readFile(join(webDist, "index.html"), "utf8");
  } catch {
    return null;
  }
  const title = `${snapshot.title} — Commissioning Lens`;
  const built = snapshot.builtAt ? snapshot.builtAt.slice(0, 10) : "an earlier build";
  const description = `${snapshot.description || snapshot.title}. Numbers as cited from the data build of ${built} (${snapshot.rows.length} rows).`;
  const tags = [
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].join("\n    ");
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>\n    ${tags}`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${escapeHtml(description)}" />`,
    );
}
