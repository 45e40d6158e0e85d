/**
 * Overview: the headline comparison of market-led, cooperative and in-house commissioning —
 * value (median and quartiles), length (median, share ≥ 36 months), procedure mix — and
 * provider quality by sector over time. Every number comes from the API; each chart carries
 * its n and a takeaway generated from its own numbers.
 */
import { COMMISSIONING_MODELS, formatCount, MODEL_INFO } from "@lens/core";
import { buildBoxSpec, buildCompareSpec } from "../charts/build-spec.js";
import { takeaway } from "../charts/takeaway.js";
import { ChartCard } from "../components/ChartCard.js";
import { FilterBar, useFilters } from "../components/FilterBar.js";
import { filtersInWords } from "../components/filter-state.js";
import { specWhenLoaded, useDistribution, useMetric, useSpecContext } from "../components/use-metric.js";

export function Overview() {
  const [filters] = useFilters();
  const ctxFor = useSpecContext();
  const counts = useMetric("contracts", ["model"], filters);
  const value = useDistribution("median_annual_value", "model", filters);
  const length = useDistribution("median_duration_months", "model", filters);
  const share = useMetric("share_36_months", ["model"], filters);
  const mix = useMetric("procedure_mix", ["model"], filters);
  const quality = useMetric("homes_good_outstanding", ["year", "sector"], filters);

  const valueSpec = specWhenLoaded(value, ctxFor, (data, ctx) =>
    buildBoxSpec({
      id: "median-annual-value-by-model",
      metric: value.metric,
      groups: data.groups,
      dimension: "model",
      ctx,
      title: "Annual contract value by commissioning model",
      subtitle: "Each contract's value per year, £",
    }),
  );
  const lengthSpec = specWhenLoaded(length, ctxFor, (data, ctx) =>
    buildBoxSpec({
      id: "contract-length-by-model",
      metric: length.metric,
      groups: data.groups,
      dimension: "model",
      ctx,
      title: "Contract length by commissioning model",
      subtitle: "Each contract's length in months, against the three-year ask",
    }),
  );
  if (lengthSpec) lengthSpec.referenceLines = [{ value: 36, label: "Three-year ask", colour: "#1d1d1f" }];
  const shareSpec = specWhenLoaded(share, ctxFor, (data, ctx) =>
    buildCompareSpec({
      id: "share-36-months-by-model",
      metric: share.metric,
      rows: data.rows,
      groupBy: ["model"],
      kind: "bar",
      ctx,
      title: "Contracts lasting at least three years, by commissioning model",
      subtitle: "Share of contracts with a known length that run 36 months or more; whiskers: 95% confidence interval",
    }),
  );
  const mixSpec = specWhenLoaded(mix, ctxFor, (data, ctx) =>
    buildCompareSpec({
      id: "procedure-mix-by-model",
      metric: mix.metric,
      rows: data.rows,
      groupBy: data.groupBy,
      kind: "stacked-bar",
      ctx,
      title: "How contracts were awarded, by commissioning model",
      subtitle: "Share of each model's contracts by procedure type",
    }),
  );
  const qualitySpec = specWhenLoaded(quality, ctxFor, (data, ctx) =>
    buildCompareSpec({
      id: "homes-good-outstanding-by-sector",
      metric: quality.metric,
      rows: data.rows,
      groupBy: ["year", "sector"],
      kind: "line",
      ctx,
      title: "Children's homes rated Good or Outstanding, by sector",
      subtitle: "Share of inspected children's homes at each 31 March snapshot",
    }),
  );

  const total = counts.data?.rows.reduce((a, r) => a + r.n, 0) ?? null;
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
        {counts.state.error ? (
          <p className="kpi-error">Contract counts could not be loaded.</p>
        ) : (
          <dl className="kpi-list" aria-busy={!counts.data}>
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
        <p className="kpi-note">{filtersInWords(counts.applied, counts.ignored)}</p>
      </section>
      <div className="chart-grid">
        <ChartCard
          title="Annual contract value by commissioning model"
          state={value.state}
          spec={valueSpec}
          takeaway={valueSpec ? takeaway(valueSpec) : undefined}
        />
        <ChartCard
          title="Contract length by commissioning model"
          state={length.state}
          spec={lengthSpec}
          takeaway={lengthTakeaway}
        />
        <ChartCard
          title="Contracts lasting at least three years"
          state={share.state}
          spec={shareSpec}
          takeaway={shareSpec ? takeaway(shareSpec) : undefined}
        />
        <ChartCard
          title="How contracts were awarded"
          state={mix.state}
          spec={mixSpec}
          takeaway={mixSpec ? takeaway(mixSpec) : undefined}
        />
      </div>
      <ChartCard
        title="Children's homes rated Good or Outstanding, by sector"
        state={quality.state}
        spec={qualitySpec}
        takeaway={qualitySpec ? takeaway(qualitySpec) : undefined}
      />
    </div>
  );
}

export default Overview;
