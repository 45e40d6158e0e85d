/**
 * A chart slot on a page: a skeleton while its queries load, a readable error with a retry,
 * then the spec drawn by LensChart inside the shared ChartFrame (which receives the spec for
 * the export menu). The table view shows the spec's own rows, so table = chart = CSV.
 *
 * recharts (most of the app's JS) sits in its own chunk: its download starts as soon as a page
 * with charts loads, alongside that page's API queries, instead of delaying them.
 */

import { SMALL_N } from "@lens/charts/build-spec";
import type { ChartRequest } from "@lens/charts/chart-request";
import type { ChartSpec, ChartTable, WithoutOffer } from "@lens/charts/chart-spec";
import { withExclusion } from "@lens/charts/filter-state";
import { withPageHighlight } from "@lens/charts/highlight";
import { formatCount, formatValue } from "@lens/core";
import { moduleLoader, useModule } from "../lib/use-module.js";
import { ChartFrame } from "./ChartFrame.js";
import { DrawWhenNear } from "./DrawWhenNear.js";
import { useFilters, useHighlight } from "./FilterBar.js";
import { ScrollRegion } from "./ScrollRegion.js";
import { ErrorBlock, LoadingBlock } from "./States.js";

/** The chart code, fetched as soon as a page with charts loads (in parallel with the page's queries). */
export const chartCode = moduleLoader(() => import("../charts/LensChart.js"));
void chartCode.start();

export interface QueryState {
  isLoading: boolean;
  error: { message: string } | null;
  retry: () => void;
}

export function SpecTable({
  table,
  caption,
  flagSmallN,
}: {
  table: ChartTable;
  caption: string;
  flagSmallN?: boolean;
}) {
  const shown = table.columns.filter((c) => c.key !== "suppressed");
  return (
    <ScrollRegion label={`${caption} (table)`}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.key} scope="col" className={c.format ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => {
            const suppressed = row.suppressed === true;
            const n = typeof row.n === "number" ? row.n : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered in place
              <tr key={i}>
                {shown.map((c, ci) => {
                  const v = row[c.key];
                  let text: string;
                  if (c.key === "value" && suppressed) text = "";
                  else if (v === null || v === undefined) text = "—";
                  else if (typeof v === "number" && c.format) text = formatValue(v, c.format);
                  else text = String(v);
                  const Cell = ci === 0 ? "th" : "td";
                  return (
                    <Cell key={c.key} scope={ci === 0 ? "row" : undefined} className={c.format ? "num" : undefined}>
                      {c.key === "value" && suppressed ? (
                        <span className="suppressed">suppressed (n = {n ?? "?"})</span>
                      ) : v === null || v === undefined ? (
                        <span className="missing" title="Not published or not known">
                          {text} <span className="visually-hidden">missing</span>
                        </span>
                      ) : (
                        text
                      )}
                      {c.key === "value" && flagSmallN && !suppressed && n !== null && n < SMALL_N && (
                        <span className="small-n"> small n ({formatCount(n)})</span>
                      )}
                    </Cell>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * "Show without <contributor>": leaves a council or source that supplies more than half the rows
 * out of the page's charts through the URL (so the view is a permalink); the filter bar's chip undoes it.
 */
function WithoutOffers({ offers }: { offers: readonly WithoutOffer[] }) {
  const [filters, setFilters] = useFilters();
  return (
    <p className="chart-frame__offers">
      {offers.map((o) => (
        <button
          key={o.dimension + o.value}
          type="button"
          className="button-secondary"
          onClick={() => setFilters(withExclusion(filters, o.dimension, o.value, true))}
        >
          Show without {o.label}
        </button>
      ))}
    </p>
  );
}

export function ChartCard({
  title,
  state,
  spec: drawn,
  takeaway,
  height,
  skeletonHeight = 340,
  request,
}: {
  title: string;
  state: QueryState;
  spec: ChartSpec | null;
  /** What names the chart for the server, which writes its CSV from the same queries and builders. */
  request: ChartRequest;
  takeaway?: string;
  height?: number;
  skeletonHeight?: number;
}) {
  // `?highlight=` reaches every chart where councils appear, on every page and in its exports.
  const [highlight] = useHighlight();
  const spec = drawn ? withPageHighlight(drawn, highlight) : null;
  if (state.error)
    return (
      <section className="chart-frame" aria-label={title}>
        <h2 className="chart-frame__title">{title}</h2>
        <ErrorBlock error={state.error} onRetry={state.retry} />
      </section>
    );
  if (state.isLoading || !spec)
    return (
      <section className="chart-frame" aria-label={title} aria-busy="true">
        <h2 className="chart-frame__title">{title}</h2>
        <LoadingBlock label={title} height={skeletonHeight} />
      </section>
    );
  const flagSmallN = spec.series.some((s) => s.smallN?.some(Boolean));
  const empty =
    spec.kind === "box"
      ? (spec.boxes?.length ?? 0) === 0
      : spec.kind === "scatter"
        ? (spec.points?.length ?? 0) === 0
        : spec.series.every((s) => s.values.every((v) => v === null));
  return (
    <ChartFrame
      spec={spec}
      request={request}
      title={spec.title}
      subtitle={spec.subtitle}
      filtersInWords={spec.filtersInWords}
      source={`${spec.source} ${spec.vintage}.`}
      notes={spec.notes}
      n={spec.n}
      summary={spec.summary}
      takeaway={takeaway}
      disclosures={spec.disclosures}
      offers={spec.without?.length ? <WithoutOffers offers={spec.without} /> : undefined}
      table={<SpecTable table={spec.table} caption={spec.title} flagSmallN={flagSmallN} />}
    >
      {empty ? (
        <p className="empty-chart">
          {spec.emptyReason ??
            "No published values for this selection: the data are missing or suppressed for small n. Try wider filters."}
        </p>
      ) : (
        <div className="chart-canvas" data-kind={spec.kind}>
          <DrawWhenNear height={height ?? skeletonHeight} label={spec.title}>
            <DrawnChart spec={spec} height={height} skeletonHeight={skeletonHeight} />
          </DrawWhenNear>
        </div>
      )}
    </ChartFrame>
  );
}

/** LensChart once its code is in; the chart's skeleton until then. */
function DrawnChart({ spec, height, skeletonHeight }: { spec: ChartSpec; height?: number; skeletonHeight: number }) {
  const code = useModule(chartCode);
  if (!code) return <LoadingBlock label={spec.title} height={height ?? skeletonHeight} />;
  return <code.LensChart spec={spec} height={height} />;
}
