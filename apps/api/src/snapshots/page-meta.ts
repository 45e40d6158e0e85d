/**
 * Link previews for citable links: `/s/<id>` is the web app's index.html with the snapshot's
 * title and description filled into <title>, the description meta and Open Graph tags, so a
 * chat or a document shows what the link cites before anyone opens it.
 */
import { htmlWithMeta } from "../page-meta.js";
import type { SnapshotStore } from "./store.js";

export const SNAPSHOT_PAGE = /^\/s\/([A-Za-z0-9_-]{10})\/?$/;

/** index.html with the snapshot's meta tags, or null when there is no such snapshot or no built app. */
export async function snapshotPageHtml(webDist: string, store: SnapshotStore, id: string): Promise<string | null> {
  const snapshot = await store.get(id);
  if (!snapshot) return null;
  const built = snapshot.builtAt ? snapshot.builtAt.slice(0, 10) : "an earlier build";
  return htmlWithMeta(webDist, {
    title: snapshot.title,
    description: `${snapshot.description || snapshot.title}. Numbers as cited from the data build of ${built} (${snapshot.rows.length} rows).`,
  });
}
