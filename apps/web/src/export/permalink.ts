/**
 * Permalinks and embed code. The page's URL already holds its state (metric, dimensions,
 * filters, chart type); a permalink adds the export size, and the frozen variant pins the
 * warehouse build it was made from (`build=<buildId>`), so the page can warn when the data
 * served is newer than the link. A frozen link is also stored: the chart's rows and metadata
 * are POSTed to /api/v1/snapshots, and the short `/s/<id>` link keeps showing those numbers
 * after later builds.
 */
import type { ChartSpec } from "@lens/charts/chart-spec";
import type { SizePreset } from "./compose-svg.js";

export const SIZE_PARAM = "size";
export const BUILD_PARAM = "build";

export function permalinkFor(href: string, size: SizePreset, buildId?: string): string {
  const url = new URL(href);
  url.hash = "";
  url.searchParams.set(SIZE_PARAM, size);
  if (buildId) url.searchParams.set(BUILD_PARAM, buildId);
  else url.searchParams.delete(BUILD_PARAM);
  return url.toString();
}

/** The chart-only route for a chart on the page at `href`, carrying the page's state. */
export function embedUrlFor(href: string, chartId: string, page: string): string {
  const from = new URL(href);
  const url = new URL(`/embed/${encodeURIComponent(chartId)}`, from.origin);
  for (const [k, v] of from.searchParams) if (k !== SIZE_PARAM && k !== BUILD_PARAM) url.searchParams.append(k, v);
  if (page !== "/") url.searchParams.set("page", page);
  return url.toString();
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function embedCode(src: string, title: string): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="720" style="border:0;max-width:1200px;width:100%" loading="lazy"></iframe>`;
}

/** The build a frozen link pins, if any. */
export function pinnedBuild(search: string): string | null {
  return new URLSearchParams(search).get(BUILD_PARAM);
}

/** What the server keeps for a frozen link (apps/api snapshots/store.ts checks it). */
export function snapshotBody(spec: ChartSpec, pageHref: string, buildId: string) {
  const url = new URL(pageHref);
  return {
    title: spec.title,
    description: [spec.subtitle, spec.filtersInWords].filter(Boolean).join(" · "),
    page: `${url.pathname}${url.search}`,
    chartId: spec.id,
    columns: spec.table.columns,
    rows: spec.table.rows,
    filters: Object.fromEntries(url.searchParams),
    sources: [spec.source, spec.licence, spec.n].filter((s) => s !== ""),
    notes: spec.notes,
    buildId,
  };
}

/** Stores the chart's numbers on the server and answers the short link that shows them. */
export async function storeSnapshot(spec: ChartSpec, pageHref: string, buildId: string): Promise<string> {
  const res = await fetch("/api/v1/snapshots", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(snapshotBody(spec, pageHref, buildId)),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
  if (!res.ok || !body.url) throw new Error(body.error?.message ?? `the server answered ${res.status}`);
  return new URL(body.url, pageHref).toString();
}
