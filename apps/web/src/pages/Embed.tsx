/**
 * /embed/<chart-id>?<state>: one chart frame and nothing else (no navigation), for iframes.
 * The frame is the export composer's SVG, recomposed at the iframe's size, so the embed and
 * the downloaded picture are the same drawing; the export menu sits above it.
 */
import { useEffect, useState } from "react";
import { type ChartRecipe, recipeFor } from "../charts/chart-recipes.js";
import { filtersFromParams } from "../components/filter-state.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { useChartSpec } from "../components/use-chart-spec.js";
import { briefChartFilters } from "../evidence/chart-filters.js";
import { ExportMenu } from "../export/ExportMenu.js";
import { FrozenBuildNotice } from "../export/FrozenBuildNotice.js";
import { BUILD_PARAM, permalinkFor, SIZE_PARAM } from "../export/permalink.js";
import { composeForBrowser } from "../export/rasterise.js";
import { useLocation } from "../lib/router.js";
import { useBuild } from "../lib/use-build.js";
import "../export/export-menu.css";

const BAR_HEIGHT = 44;

function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}

export default function Embed() {
  const { path, search } = useLocation();
  const id = decodeURIComponent(path.replace(/^\/embed\/?/, "").split("/")[0] ?? "");
  const params = new URLSearchParams(search);
  const recipe = recipeFor(id, params);
  return <EmbedChart recipe={recipe} params={params} />;
}

function EmbedChart({ recipe, params }: { recipe: ChartRecipe; params: URLSearchParams }) {
  const build = useBuild();
  // An evidence chart draws with its brief's filters (every council for a scatter; one spend source on a real build).
  const filters = filtersFromParams(params);
  const { spec, state } = useChartSpec(
    recipe,
    recipe.id.startsWith("evidence-") ? briefChartFilters(recipe, filters, build.data?.isSample ?? true) : filters,
  );
  const viewport = useViewport();

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

  const width = Math.max(320, Math.min(viewport.width, 1600));
  // Fill the iframe when it is tall enough; otherwise let the frame grow and scroll.
  const height = viewport.height - BAR_HEIGHT >= 420 ? viewport.height - BAR_HEIGHT : null;
  const layout = composeForBrowser(
    spec,
    "standard",
    { permalink: permalinkFor(pageHref, "standard"), exportedAt: new Date(), dateLabel: "Shown" },
    { width, height, density: 1 },
  );

  return (
    <div className="embed">
      <FrozenBuildNotice />
      <div className="embed__bar" style={{ minHeight: BAR_HEIGHT - 8 }}>
        <a href={pageHref} target="_blank" rel="noopener">
          Open in Commissioning Lens
        </a>
        <ExportMenu spec={spec} pageHref={pageHref} embedSrc={embedSrc} />
      </div>
      <div
        className="embed__chart"
        data-chart-id={spec.id}
        data-kind={spec.kind}
        // The composer escapes every piece of text it writes; the SVG has its own <title> and <desc>.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: markup composed by composeExportSvg from escaped text
        dangerouslySetInnerHTML={{ __html: layout.svg }}
      />
    </div>
  );
}
