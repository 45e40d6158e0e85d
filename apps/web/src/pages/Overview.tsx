/**
 * Overview: the headline comparison of market-led, cooperative and in-house commissioning.
 * Every number comes from the API's compare procedure; this page only lays them out.
 */
import {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  formatCount,
  formatValue,
  getMetric,
  type MetricDef,
  MODEL_INFO,
} from "@lens/core";
import { useQueries } from "@tanstack/react-query";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../components/ChartFrame.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { sourceLine } from "../lib/source-line.js";
import { useTRPC } from "../lib/trpc.js";
import { useBuild } from "../lib/use-build.js";

const HEADLINE = ["contracts", "median_annual_value", "median_duration_months", "share_36_months"] as const;

export function Overview() {
  const trpc = useTRPC();
  const build = useBuild();
  const results = useQueries({
    queries: HEADLINE.map((metric) => trpc.metrics.compare.queryOptions({ metric, groupBy: ["model"] })),
  });
  const metrics = HEADLINE.map((id) => getMetric(id)!) as MetricDef[];
  const failed = results.find((r) => r.error);
  if (failed?.error)
    return <ErrorBlock error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />;
  if (results.some((r) => !r.data) || !build.data) return <LoadingBlock label="the headline comparison" />;

  const byModel = (metricIndex: number, model: CommissioningModel) =>
    results[metricIndex]!.data!.rows.find((r) => r.dims.model === model);
  const models = COMMISSIONING_MODELS.filter((m) => byModel(0, m));
  const shareRows = models.map((model) => {
    const row = byModel(3, model);
    return {
      model,
      label: MODEL_INFO[model].label,
      value: row?.value ?? null,
      error:
        row && row.value !== null && row.ciLow !== null && row.ciHigh !== null
          ? [row.value - row.ciLow, row.ciHigh - row.value]
          : [0, 0],
      n: row?.n ?? 0,
      suppressed: row?.suppressed ?? true,
    };
  });
  const share = metrics[3]!;
  const source = sourceLine(metrics, build.data.isSample);
  const total = models.reduce((a, m) => a + (byModel(0, m)?.n ?? 0), 0);
  const summary = shareRows
    .map(
      (r) =>
        `${r.label}: ${r.suppressed ? "suppressed" : formatValue(r.value, "percent")} of ${formatCount(r.n)} contracts`,
    )
    .join("; ");

  const table = (
    <table className="data-table">
      <caption className="visually-hidden">Headline metrics by commissioning model</caption>
      <thead>
        <tr>
          <th scope="col">Commissioning model</th>
          {metrics.map((m) => (
            <th key={m.id} scope="col" className="num">
              {m.shortLabel}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model}>
            <th scope="row">
              <span className="swatch" style={{ background: MODEL_INFO[model].colour }} aria-hidden="true" />
              {MODEL_INFO[model].label}
            </th>
            {metrics.map((m, i) => {
              const row = byModel(i, model);
              return (
                <td key={m.id} className="num">
                  {row?.suppressed ? (
                    <span className="suppressed">suppressed (n={row.n})</span>
                  ) : (
                    formatValue(row?.value, m.format)
                  )}
                  {row && !row.suppressed && m.aggregate.kind !== "count" && (
                    <span className="n-note"> n={formatCount(row.n)}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="page">
      <h1>Market-led and cooperative commissioning compared</h1>
      <p className="lede">
        {formatCount(total)} children's services contracts, classified by how they were commissioned. Hover a bar for
        its numbers; use “View as table” for all four headline measures.
      </p>
      <ChartFrame
        title={`${share.label}, by commissioning model`}
        subtitle="Share of contracts with a known length that run 36 months or more; bars show 95% confidence intervals"
        filtersInWords="All councils, all years"
        source={source}
        notes={share.caveats}
        n={`n = ${formatCount(shareRows.reduce((a, r) => a + r.n, 0))} contracts with a known length`}
        summary={summary}
        table={table}
      >
        <ResponsiveContainer width="100%" height={320}>
          <BarChart data={shareRows} margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              label={{ value: "Commissioning model", position: "insideBottom", offset: -4 }}
              height={48}
            />
            <YAxis
              domain={[0, 1]}
              tickFormatter={(v: number) => formatValue(v, "percent")}
              label={{
                value: "Share ≥ 36 months",
                angle: -90,
                position: "insideLeft",
                style: { textAnchor: "middle" },
              }}
              width={72}
            />
            <Tooltip formatter={(v) => formatValue(Number(v), "percent")} />
            <Bar dataKey="value" name={share.shortLabel} isAnimationActive={false}>
              {shareRows.map((r) => (
                <Cell key={r.model} fill={MODEL_INFO[r.model].colour} />
              ))}
              <ErrorBar dataKey="error" width={8} stroke="#333" />
              <LabelList dataKey="value" position="top" formatter={(v) => formatValue(Number(v), "percent")} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        <ul className="legend" aria-label="Legend">
          {shareRows.map((r) => (
            <li key={r.model}>
              <span className="swatch" style={{ background: MODEL_INFO[r.model].colour }} aria-hidden="true" />
              {r.label}
            </li>
          ))}
        </ul>
      </ChartFrame>
      <section aria-labelledby="headline-table" className="card">
        <h2 id="headline-table">Headline measures by model</h2>
        {table}
        <p className="chart-frame__source">{source}</p>
      </section>
    </div>
  );
}
