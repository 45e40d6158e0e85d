/**
 * Link previews for the app's pages: index.html with the page's own <title>, description and
 * Open Graph tags filled in by the server, since a chat or document preview reads the HTML
 * without running the app. Citable links (/s/<id>) get their snapshot's title the same way.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { COUNCILS } from "@lens/core";

const SITE = "Commissioning Lens";

/** The pages' titles and one-sentence descriptions, by path (as the app's navigation names them). */
const PAGES: Record<string, { title: string; description: string }> = {
  "/": {
    title: "Overview",
    description: "Market-led and cooperative commissioning of English children's services, compared with open data.",
  },
  "/explore": {
    title: "Explore",
    description: "Any metric by commissioning model, council, region, service or year, with its sources and caveats.",
  },
  "/benchmark": {
    title: "Council benchmark",
    description: "A council against its statistical neighbours, its region and England.",
  },
  "/contracts": {
    title: "Contracts",
    description: "The children's services contracts behind every number, each with its source.",
  },
  "/quality": { title: "Provider quality", description: "Ofsted ratings of children's homes and other providers." },
  "/evidence": { title: "Evidence", description: "The claims about commissioning, each set against the data." },
  "/sources": {
    title: "Sources & methods",
    description: "Where every number comes from, how it is computed, and the data to download.",
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The title and description of a page of the app, or null when the path is not one. */
export function pageMeta(path: string): { title: string; description: string } | null {
  const benchmark = /^\/benchmark\/(\d{3})\/?$/.exec(path);
  if (benchmark) {
    const council = COUNCILS.find((c) => c.laCode === benchmark[1]);
    if (council)
      return {
        title: `${council.name} — Council benchmark`,
        description: `${council.name} against its statistical neighbours, ${council.region} and England.`,
      };
  }
  return PAGES[path.replace(/(.)\/$/, "$1")] ?? null;
}

let cached: { mtimeMs: number; html: string } | null = null;

/** index.html with `meta` filled in; null when the app is not built. */
export async function htmlWithMeta(
  webDist: string,
  meta: { title: string; description: string },
): Promise<string | null> {
  const file = join(webDist, "index.html");
  try {
    const { mtimeMs } = await stat(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: await readFile(file, "utf8") };
  } catch {
    return null;
  }
  const title = escapeHtml(`${meta.title} — ${SITE}`);
  const description = escapeHtml(meta.description);
  const tags = [
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:site_name" content="${SITE}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].join("\n    ");
  return cached.html
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>\n    ${tags}`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${description}" />`);
}
