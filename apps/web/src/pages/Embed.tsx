/**
 * /embed/<chart-id>?<state>: one chart frame and nothing else (no navigation), for iframes.
 * The chart is LensChart, the component the page draws (and the export draws offscreen), at
 * the iframe's size, between the export's own header and credit lines; the export menu sits
 * above it.
 */

import { naturalHeight } from "@lens/charts/axis";
import { type ChartRecipe, recipeFor } from "@lens/charts/chart-recipes";
import { filtersFromParams } from "@lens/charts/filter-state";
import { highlightFromParams, highlightInWords, withHighlight } from "@lens/charts/highlight";
import { useEffect, useState } from "react";
import { chartCode } from "../components/ChartCard.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { useChartSpec } from "../components/use-chart-spec.js";
import { briefChartFilters } from "../evidence/chart-filters.js";
import { creditLines, SAMPLE_TEXT } from "../export/compose-svg.js";
import { ExportMenu } from "../export/ExportMenu.js";
import { FrozenBuildNotice } from "../export/FrozenBuildNotice.js";
import { BUILD_PARAM, permalinkFor, SIZE_PARAM } from "../export/permalink.js";
import { prefetchRecipes } from "../lib/query-inputs.js";
import { useLocation } from "../lib/router.js";
import { useBuild } from "../lib/use-build.js";
import { useModule } from "../lib/use-module.js";
import "../export/export-menu.css";

const BAR_HEIGHT = 44;
/** Room the header and credit lines take around the chart in a typical iframe. */
const FRAME_TEXT_HEIGHT = 230;

function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}

/**
 * The embedded chart's queries, asked for as soon as this chunk is in (lib/route-prefetch.ts). Evidence
 * charts are left to the page: their filters depend on the build (briefChartFilters).
 */
export function prefetch(path: string, params: URLSearchParams): void {
  const recipe = recipeFor(embedId(path), params);
  if (!recipe.id.startsWith("evidence-")) prefetchRecipes([recipe], filtersFromParams(params));
}

function embedId(path: string): string {
  return decodeURIComponent(path.replace(/^\/embed\/?/, "").split("/")[0] ?? "");
}

export default function Embed() {
  const { path, search } = useLocation();
  const params = new URLSearchParams(search);
  const recipe = recipeFor(embedId(path), params);
  return <EmbedChart recipe={recipe} params={params} />;
}

function EmbedChart({ recipe, params }: { recipe: ChartRecipe; params: URLSearchParams }) {
  const build = useBuild();
  // An evidence chart draws with its brief's filters (every council for a scatter; one spend source on a real build).
  const filters = filtersFromParams(params);
  const {
    spec: drawn,
    state,
    request,
  } = useChartSpec(
    recipe,
    recipe.id.startsWith("evidence-") ? briefChartFilters(recipe, filters, build.data?.isSample ?? true) : filters,
  );
  // A highlighted council is drawn and worded as on the page it came from.
  const highlight = highlightFromParams(params);
  const words = drawn ? highlightInWords(drawn, highlight) : null;
  const marked = drawn ? withHighlight(drawn, highlight) : null;
  const spec = marked && words ? { ...marked, notes: [words, ...marked.notes] } : marked;
  const viewport = useViewport();
  // The chart code, fetched in parallel with the chart's query (ChartCard starts it when this chunk loads).
  const code = useModule(chartCode);

  // The page the chart lives on, with the same state: where "Open" and permalinks point.
  const pageParams = new URLSearchParams(params);
  pageParams.delete("page");
  pageParams.delete(SIZE_PARAM);
  pageParams.delete(BUILD_PARAM);
  const query = pageParams.toString();
  const pageHref = new URL(`${recipe.page}${query ? `?${query}` : ""}`, window.location.origin).toString();
  const embedSrc = (() => {
    const u = new URL(window.location.href);
    u.searchParams.delete(SIZE_PARAM);
    u.searchParams.delete(BUILD_PARAM);
    return u.toString();
  })();

  if (state.error) return <ErrorBlock error={state.error} onRetry={state.retry} />;
  if (!spec) return <LoadingBlock label="the chart" height={Math.max(200, viewport.height - BAR_HEIGHT)} />;

  // Fill the iframe when it is tall enough; otherwise the chart keeps its own height and the frame scrolls.
  const room = viewport.height - BAR_HEIGHT - FRAME_TEXT_HEIGHT;
  // Ranked bars keep their natural height (a row per council, as on the page) and the frame scrolls.
  const natural = naturalHeight(spec, viewport.width < 640);
  const chartHeight = room >= 260 ? Math.max(natural, Math.min(room, 720)) : undefined;
  const credits = creditLines(spec, { exportedAt: new Date(), dateLabel: "Shown" });
  const notes = spec.notes.filter((n) => !(spec.disclosures ?? []).includes(n));

  return (
    <div className="embed">
      <FrozenBuildNotice />
      <div className="embed__bar" style={{ minHeight: BAR_HEIGHT - 8 }}>
        <a href={pageHref} target="_blank" rel="noopener">
          Open in Commissioning Lens
        </a>
        <ExportMenu spec={spec} pageHref={pageHref} embedSrc={embedSrc} request={request} />
      </div>
      <figure className="embed__chart chart-frame" data-chart-id={spec.id} data-kind={spec.kind}>
        {spec.isSample && <p className="embed__sample">{SAMPLE_TEXT} · figures come from a generated sample</p>}
        <h1 className="chart-frame__title">{spec.title}</h1>
        {spec.subtitle && <p className="chart-frame__subtitle">{spec.subtitle}</p>}
        {spec.filtersInWords && <p className="chart-frame__filters">{spec.filtersInWords}</p>}
        {spec.disclosures?.length ? (
          <div className="chart-frame__disclosures">
            {spec.disclosures.map((d) => (
              <p key={d} className="chart-frame__disclosure">
                {d}
              </p>
            ))}
          </div>
        ) : null}
        <p className="visually-hidden">{spec.summary}</p>
        <div className="chart-canvas" data-kind={spec.kind}>
          {code ? (
            <code.LensChart spec={spec} height={chartHeight} />
          ) : (
            <LoadingBlock label={spec.title} height={chartHeight ?? 340} />
          )}
        </div>
        <figcaption className="chart-frame__footer">
          {notes.map((note) => (
            <p key={note} className="chart-frame__note">
              Note: {note}
            </p>
          ))}
          {spec.n && <p className="chart-frame__n">{spec.n}</p>}
          <p className="chart-frame__source">{credits.source}</p>
          <p className="chart-frame__source">{credits.licence}</p>
          <p className="chart-frame__source embed__permalink">{permalinkFor(pageHref, "standard")}</p>
        </figcaption>
      </figure>
    </div>
  );
}
