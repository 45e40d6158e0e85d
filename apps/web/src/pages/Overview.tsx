/**
 * Overview: the headline comparison of market-led, cooperative and in-house commissioning —
 * value (median and quartiles), length (median, share ≥ 36 months), procedure mix — and
 * provider quality by sector over time, and the ratings of contract suppliers' homes by model. Every number comes from the API; each chart carries
 * its n and a takeaway generated from its own numbers.
 */

import { OVERVIEW_CHARTS } from "@lens/charts/chart-recipes";
import { filtersFromParams, filtersInWords } from "@lens/charts/filter-state";
import { takeaway } from "@lens/charts/takeaway";
import { COMMISSIONING_MODELS, formatCount, MODEL_INFO } from "@lens/core";
import { ChartCard } from "../components/ChartCard.js";
import { FilterBar, useFilters } from "../components/FilterBar.js";
import { useChartSpec } from "../components/use-chart-spec.js";
import { useMetric } from "../components/use-metric.js";
import { prefetchRecipes } from "../lib/query-inputs.js";

/** The chart at the top of the page, asked for as soon as this chunk is in (lib/route-prefetch.ts). */
export function prefetch(_path: string, params: URLSearchParams): void {
  prefetchRecipes([OVERVIEW_CHARTS.value], filtersFromParams(params));
}

export function Overview() {
  const [filters] = useFilters();
  const counts = useMetric("contracts", ["model"], filters);
  // The headline total is the API's own count, not a sum of the per-model counts.
  const all = useMetric("contracts", [], filters);
  // The charts are defined once, as recipes, so their embeds draw exactly the same specs.
  const value = useChartSpec(OVERVIEW_CHARTS.value, filters);
  const length = useChartSpec(OVERVIEW_CHARTS.length, filters);
  const share = useChartSpec(OVERVIEW_CHARTS.share, filters);
  const mix = useChartSpec(OVERVIEW_CHARTS.mix, filters);
  const quality = useChartSpec(OVERVIEW_CHARTS.quality, filters);
  const supplierQuality = useChartSpec(OVERVIEW_CHARTS.supplierQuality, filters);
  // Contracts whose supplier runs no rated home are in no share above: their count is said beside it.
  const withoutHome = useMetric("contracts_supplier_without_home", ["model"], filters);
  const valueSpec = value.spec;
  const lengthSpec = length.spec;
  const shareSpec = share.spec;
  const mixSpec = mix.spec;
  const qualitySpec = quality.spec;

  const total = all.data ? (all.data.rows[0]?.n ?? 0) : null;
  const supplierQualitySpec = supplierQuality.spec;
  const withoutHomeWords = withoutHome.data
    ? ` Not in the shares: contracts whose supplier runs no rated children's home — ${COMMISSIONING_MODELS.map(
        (m) =>
          `${MODEL_INFO[m].label.toLowerCase()} ${formatCount(withoutHome.data?.rows.find((r) => r.dims.model === m)?.n ?? 0)}`,
      ).join(", ")}.`
    : "";
  const lengthTakeaway =
    lengthSpec && shareSpec ? `${takeaway(lengthSpec)} Lasting ≥ 36 months: ${takeaway(shareSpec)}` : undefined;

  return (
    <div className="page">
      <h1>Market-led and cooperative commissioning compared</h1>
      <p className="lede">
        Children's services contracts classified by how they were commissioned, and children's homes' inspection ratings
        by who runs them. Each chart has its table (“View as table”), its n and its sources.
      </p>
      <FilterBar controls={["year", "region", "council", "service"]} note="Service applies to contracts only." />
      <section aria-labelledby="kpi-heading" className="kpis">
        <h2 id="kpi-heading" className="visually-hidden">
          Contracts by commissioning model
        </h2>
        {counts.state.error || all.state.error ? (
          <p className="kpi-error">Contract counts could not be loaded.</p>
        ) : (
          <dl className="kpi-list" aria-busy={!counts.data || !all.data}>
            <div className="kpi kpi--total">
              <dt>All contracts</dt>
              <dd data-testid="kpi-total">{total === null ? "…" : formatCount(total)}</dd>
            </div>
            {COMMISSIONING_MODELS.map((m) => {
              const row = counts.data?.rows.find((r) => r.dims.model === m);
              return (
                <div className="kpi kpi--model" key={m} style={{ borderTopColor: MODEL_INFO[m].colour }}>
                  <dt>
                    <span className="swatch" style={{ background: MODEL_INFO[m].colour }} aria-hidden="true" />
                    {MODEL_INFO[m].label}
                  </dt>
                  <dd data-testid={`kpi-${m}`}>{counts.data ? formatCount(row?.n ?? 0) : "…"}</dd>
                </div>
              );
            })}
          </dl>
        )}
        {counts.data?.sentence ? (
          // The API's own words when one council or source supplies more than half the contracts counted above.
          <div className="chart-frame__disclosures" data-testid="kpi-concentration">
            <p className="chart-frame__disclosure">{counts.data.sentence}</p>
          </div>
        ) : null}
        <p className="kpi-note">{filtersInWords(counts.applied, counts.ignored)}</p>
      </section>
      <div className="chart-grid">
        <ChartCard
          title="Annual contract value by commissioning model"
          state={value.state}
          spec={valueSpec}
          request={value.request}
          takeaway={valueSpec ? takeaway(valueSpec) : undefined}
        />
        <ChartCard
          title="Contract length by commissioning model"
          state={length.state}
          spec={lengthSpec}
          request={length.request}
          takeaway={lengthTakeaway}
        />
        <ChartCard
          title="Contracts lasting at least three years"
          state={share.state}
          spec={shareSpec}
          request={share.request}
          takeaway={shareSpec ? takeaway(shareSpec) : undefined}
        />
        <ChartCard
          title="How contracts were awarded"
          state={mix.state}
          spec={mixSpec}
          request={mix.request}
          takeaway={mixSpec ? takeaway(mixSpec) : undefined}
        />
      </div>
      <ChartCard
        title="Suppliers' children's homes rated Good or Outstanding, by commissioning model"
        state={supplierQuality.state}
        spec={supplierQualitySpec}
        request={supplierQuality.request}
        takeaway={supplierQualitySpec ? `${takeaway(supplierQualitySpec)}${withoutHomeWords}` : undefined}
      />
      <ChartCard
        title="Children's homes rated Good or Outstanding, by sector"
        state={quality.state}
        spec={qualitySpec}
        request={quality.request}
        takeaway={qualitySpec ? takeaway(qualitySpec) : undefined}
      />
    </div>
  );
}

export default Overview;
