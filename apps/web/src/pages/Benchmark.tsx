/**
 * Council benchmark: one council against its ten statistical neighbours, its region and
 * England — ranked bars, trend, rank of 153 and quartile, and the distance to the
 * three-year-contract ask. Every value, rank and gap comes from the API's benchmark procedure.
 */

import { askDistanceInWords, ordinal, quartileName, rankInWords, rankOf } from "@lens/charts/benchmark";
import {
  benchmarkCharts,
  benchmarkFilters,
  benchmarkInputFor,
  buildGroupSpec,
  groupChartInput,
} from "@lens/charts/benchmark-charts";
import type { ChartRequest } from "@lens/charts/chart-request";
import {
  type ComparisonGroup,
  GROUP_KINDS,
  GROUP_LABELS,
  type GroupKind,
  groupFromParams,
  groupInWords,
  writeGroup,
} from "@lens/charts/comparison-group";
import { councilName } from "@lens/charts/filter-state";
import { withHighlightParam } from "@lens/charts/highlight";
import { takeaway } from "@lens/charts/takeaway";
import {
  COUNCILS,
  type Filters,
  formatDate,
  formatValue,
  getMetric,
  getSource,
  METRICS,
  type SourceInfo,
} from "@lens/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ChartCard, type QueryState } from "../components/ChartCard.js";
import { FilterBar, useFilters, useHighlight } from "../components/FilterBar.js";
import { LedgerPaymentsCard } from "../components/LedgerPaymentsCard.js";
import { MultiSelect } from "../components/MultiSelect.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { Link, navigate, useSearchParams } from "../lib/router.js";
import type { RouterOutputs } from "../lib/router-outputs.js";
import { useTRPC } from "../lib/trpc.js";
import { useBuild } from "../lib/use-build.js";

export const BENCHMARK_METRICS = [
  "share_36_months",
  "median_duration_months",
  "median_annual_value",
  "single_tenderer_share",
  "vcse_share",
  "retender_within_3y",
  "homes_good_outstanding",
  "spend_share_for_profit",
  "placement_spend_per_cla",
] as const;

/** Every published council figure in the registry (DfE outcomes for children, workforce, FOI placements). */
export const OUTCOME_METRIC_IDS = METRICS.filter((m) => m.table === "council_indicators").map((m) => m.id);

const SORTED_COUNCILS = [...COUNCILS].sort((a, b) => a.name.localeCompare(b.name));

function CouncilPicker({ laCode }: { laCode: string | null }) {
  const id = useId();
  const [text, setText] = useState("");
  const matches = SORTED_COUNCILS.filter((c) => c.name.toLowerCase().includes(text.trim().toLowerCase()));
  const go = (code: string) => navigate(`/benchmark/${code}${window.location.search}`);
  return (
    <form
      className="council-picker"
      aria-label="Choose a council"
      onSubmit={(e) => {
        e.preventDefault();
        if (matches[0]) go(matches[0].laCode);
      }}
    >
      <div className="filter-bar__field">
        <label htmlFor={`${id}-search`}>Search councils</label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder="e.g. Leeds"
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="filter-bar__field">
        <label htmlFor={`${id}-council`}>
          Council <span aria-live="polite">({matches.length} of 153)</span>
        </label>
        <select id={`${id}-council`} value={laCode ?? ""} onChange={(e) => e.target.value && go(e.target.value)}>
          <option value="">Choose…</option>
          {matches.map((c) => (
            <option key={c.laCode} value={c.laCode}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Show</button>
    </form>
  );
}

export default function Benchmark({ laCode }: { laCode: string | null }) {
  const council = COUNCILS.find((c) => c.laCode === laCode) ?? null;
  return (
    // One council's page prints as a one-page profile (see the print styles).
    <div className={council ? "page benchmark-profile" : "page"}>
      <h1>{council ? `${council.name}: benchmark` : "Council benchmark"}</h1>
      <p className="lede">
        A council against its ten statistical neighbours, its region and England: rank out of all councils with a
        published value, quartile, trend and the distance to the ask that contracts run at least three years.
      </p>
      <CouncilPicker laCode={council?.laCode ?? null} />
      {council ? (
        <BenchmarkBody laCode={council.laCode} />
      ) : (
        <p className="card">
          {laCode ? `There is no council with code ${laCode}. ` : ""}Search for a council above to see its benchmark.
        </p>
      )}
    </div>
  );
}

function BenchmarkBody({ laCode }: { laCode: string }) {
  const trpc = useTRPC();
  const build = useBuild();
  const [params, setParams] = useSearchParams();
  const [allFilters] = useFilters();
  // Council and region are set by the benchmark itself.
  const filters = benchmarkFilters(allFilters);
  const chartable: readonly string[] = [...BENCHMARK_METRICS, ...OUTCOME_METRIC_IDS];
  const metricId = chartable.includes(params.get("metric") ?? "") ? params.get("metric")! : BENCHMARK_METRICS[0];
  const metric = getMetric(metricId)!;
  const id = useId();
  const selected = useQuery({
    ...trpc.benchmark.queryOptions(benchmarkInputFor(laCode, metricId, filters)),
    placeholderData: keepPreviousData,
  });
  const card = useQuery({
    ...trpc.benchmark.queryOptions({ council: laCode, metrics: [...BENCHMARK_METRICS], filters }),
    placeholderData: keepPreviousData,
  });
  const name = councilName(laCode);
  const charts = selected.data && build.data ? benchmarkCharts(selected.data, metricId, filters, build.data) : null;
  const bm = charts?.bm;
  const spec = charts?.neighbours ?? null;
  const trend = charts?.trend ?? null;
  const request = (part: "neighbours" | "trend"): ChartRequest => ({
    kind: "benchmark",
    part,
    council: laCode,
    metric: metricId,
    filters,
  });
  const state: QueryState = {
    isLoading: !selected.data && !selected.error,
    error: selected.error,
    retry: () => void selected.refetch(),
  };
  const rank = bm ? rankOf(bm) : null;
  const group = groupFromParams(params);
  const byId = new Map((card.data?.metrics ?? []).map((m) => [m.metric, m]));

  return (
    <>
      <FilterBar controls={["year", "service"]} note="Service applies to contract measures only." />
      <section className="card ask" aria-labelledby="ask-heading">
        <h2 id="ask-heading">Distance to the three-year-contract ask</h2>
        {card.error ? (
          <ErrorBlock error={card.error} onRetry={() => void card.refetch()} />
        ) : card.data ? (
          <p data-testid="ask-distance">
            {askDistanceInWords(name, byId.get("median_duration_months"), byId.get("share_36_months"))}
          </p>
        ) : (
          <LoadingBlock label="distance to the ask" height={40} />
        )}
      </section>
      <IlacsCard laCode={laCode} name={name} isSample={build.data?.isSample ?? null} />
      <LedgerPaymentsCard laCode={laCode} name={name} />
      <section className="card" aria-labelledby="scorecard-heading">
        <h2 id="scorecard-heading">Key measures</h2>
        {card.error ? null : !card.data ? (
          <LoadingBlock label="key measures" height={240} />
        ) : (
          <ScrollRegion label="Key measures (table)">
            <table className="data-table data-table--cards scorecard">
              <caption className="visually-hidden">
                {name} against its neighbours, region and England, with rank and quartile
              </caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col" className="num">
                    {name}
                  </th>
                  <th scope="col" className="num">
                    Neighbours
                  </th>
                  <th scope="col" className="num">
                    {card.data.council.region}
                  </th>
                  <th scope="col" className="num">
                    England
                  </th>
                  <th scope="col" className="num">
                    Rank
                  </th>
                  <th scope="col">Quartile</th>
                </tr>
              </thead>
              <tbody>
                {card.data.metrics.map((m) => {
                  const def = getMetric(m.metric)!;
                  const cell = (v: typeof m.england) =>
                    !v ? (
                      <span className="missing">—</span>
                    ) : v.suppressed ? (
                      <span className="suppressed">suppressed (n = {v.n})</span>
                    ) : (
                      formatValue(v.value, def.format)
                    );
                  return (
                    <tr key={m.metric} data-metric={m.metric}>
                      <th scope="row" className="card-head">
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={m.metric === metricId}
                          onClick={() => setParams((p) => p.set("metric", m.metric))}
                        >
                          {def.label}
                        </button>
                      </th>
                      <td className="num" data-label={name} data-testid={`council-value-${m.metric}`}>
                        {cell(m.council)}
                      </td>
                      <td className="num" data-label="Neighbours">
                        {cell(m.neighbourAverage)}
                      </td>
                      <td className="num" data-label={card.data.council.region}>
                        {cell(m.region)}
                      </td>
                      <td className="num" data-label="England">
                        {cell(m.england)}
                      </td>
                      <td className="num nowrap" data-label="Rank">
                        {m.rank === null ? <span className="missing">—</span> : `${ordinal(m.rank)} of ${m.rankOf}`}
                      </td>
                      <td data-label="Quartile">
                        {m.quartile === null ? <span className="missing">—</span> : quartileName(m.quartile)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p className="n-note">
          Rank 1 is the best value (the highest, unless lower is better); quartiles split the ranked councils into four.
          Neighbours pool the ten statistical neighbours' rows.
        </p>
      </section>
      <OutcomesCard
        laCode={laCode}
        name={name}
        filters={filters}
        isSample={build.data?.isSample ?? null}
        metricId={metricId}
        onPick={(m) => setParams((p) => p.set("metric", m))}
      />
      <div className="filter-bar">
        <div className="filter-bar__field builder__metric">
          <label htmlFor={`${id}-metric`}>Measure to chart</label>
          <select
            id={`${id}-metric`}
            value={metricId}
            onChange={(e) => setParams((p) => p.set("metric", e.target.value))}
          >
            <optgroup label="Key measures">
              {BENCHMARK_METRICS.map((m) => (
                <option key={m} value={m}>
                  {getMetric(m)!.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Outcomes for children">
              {OUTCOME_METRIC_IDS.map((m) => (
                <option key={m} value={m}>
                  {getMetric(m)!.label}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      </div>
      <p className="rank-line" data-testid="rank-line">
        {bm ? rankInWords(rank, metric, name) : "…"}
      </p>
      <HighlightEverywhere laCode={laCode} name={name} metricId={metricId} />
      <GroupPicker laCode={laCode} group={group} onChange={(g) => setParams((p) => writeGroup(p, g))} />
      {group.kind === "neighbours" ? (
        <ChartCard
          title={`${metric.label}: ${name} and its statistical neighbours`}
          state={state}
          spec={spec}
          request={request("neighbours")}
          takeaway={spec ? takeaway(spec) : undefined}
        />
      ) : (
        <GroupChart laCode={laCode} group={group} metricId={metricId} filters={filters} england={bm?.england ?? null} />
      )}
      {trend || !bm ? (
        <ChartCard
          title={`${metric.label}: ${name} and England over time`}
          state={state}
          spec={trend}
          request={request("trend")}
          takeaway={trend ? takeaway(trend) : undefined}
        />
      ) : (
        // No year of the council's own has a value: said, rather than a chart that never loads.
        <p className="card" data-testid="trend-empty">
          {name} has no published value for {metric.label.toLowerCase()} in any year with these filters, so there is no
          trend to draw.
        </p>
      )}
    </>
  );
}

type BenchmarkRow = RouterOutputs["benchmark"]["metrics"][number];

/**
 * "Highlight Kent everywhere": puts the council in the URL's `highlight`, which every council
 * chart (Explore's scatter and ranked bars) draws distinctly with all the others kept.
 */
function HighlightEverywhere({ laCode, name, metricId }: { laCode: string; name: string; metricId: string }) {
  const [highlight, setHighlight] = useHighlight();
  const on = highlight === laCode;
  return (
    <section className="card highlight-everywhere" aria-label={`Highlight ${name} in other charts`}>
      <button
        type="button"
        className="button-secondary"
        aria-pressed={on}
        onClick={() => setHighlight(on ? null : laCode)}
      >
        {on ? `${name} is highlighted everywhere (undo)` : `Highlight ${name} everywhere`}
      </button>{" "}
      <span className="n-note">
        See {name} among every council:{" "}
        <Link to={withHighlightParam(`/explore?metric=${metricId}&chart=bar&by=council`, laCode)}>ranked bars</Link> ·{" "}
        <Link to={withHighlightParam(`/explore?metric=${metricId}&chart=scatter`, laCode)}>scatter</Link>
      </span>
    </section>
  );
}

const COUNCIL_OPTIONS = SORTED_COUNCILS.map((c) => ({ value: c.laCode, label: c.name }));

/** Which councils the chart below compares the council with: DfE's neighbours, region, type or a custom list. */
function GroupPicker({
  laCode,
  group,
  onChange,
}: {
  laCode: string;
  group: ComparisonGroup;
  onChange: (group: ComparisonGroup) => void;
}) {
  const id = useId();
  const council = COUNCILS.find((c) => c.laCode === laCode)!;
  return (
    <div className="filter-bar" data-testid="group-picker">
      <div className="filter-bar__field">
        <label htmlFor={`${id}-group`}>Compare with</label>
        <select
          id={`${id}-group`}
          value={group.kind}
          onChange={(e) => onChange({ ...group, kind: e.target.value as GroupKind })}
        >
          {GROUP_KINDS.map((k) => (
            <option key={k} value={k}>
              {GROUP_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {group.kind === "custom" && (
        <MultiSelect
          label="Councils in the group"
          options={COUNCIL_OPTIONS.filter((o) => o.value !== laCode)}
          selected={group.custom}
          onChange={(custom) => onChange({ kind: "custom", custom })}
          searchLabel="Search councils"
        />
      )}
      <p className="filter-bar__note">
        {council.name} against {groupInWords(council, group)}.
      </p>
    </div>
  );
}

/**
 * The council among a region, council type or custom group: every member's value as ranked bars
 * (the council highlighted), with the group's median of its councils' values and England beside it.
 */
function GroupChart({
  laCode,
  group,
  metricId,
  filters,
  england,
}: {
  laCode: string;
  group: ComparisonGroup;
  metricId: string;
  filters: Filters;
  england: BenchmarkRow["england"] | null;
}) {
  const trpc = useTRPC();
  const { council, members, compare } = groupChartInput(laCode, group, metricId, filters);
  const q = useQuery({
    ...trpc.metrics.compare.queryOptions(compare),
    placeholderData: keepPreviousData,
    enabled: members.length > 0,
  });
  const build = useBuild();
  const metric = getMetric(metricId)!;
  const title = `${metric.label}: ${council.name} and ${groupInWords(council, group)}`;
  const spec =
    q.data && build.data
      ? buildGroupSpec({
          laCode,
          group,
          metricId,
          filters,
          compare: q.data,
          england,
          build: build.data,
        })
      : null;
  const state: QueryState = {
    isLoading: !q.data && !q.error && members.length > 0,
    error: q.error,
    retry: () => void q.refetch(),
  };
  if (members.length === 0)
    return (
      <p className="card" data-testid="group-empty">
        Choose the councils of the custom group above to compare {council.name} with them.
      </p>
    );
  return (
    <ChartCard
      title={title}
      state={state}
      spec={spec}
      request={{ kind: "benchmark-group", council: laCode, metric: metricId, group, filters }}
      takeaway={spec ? takeaway(spec) : undefined}
    />
  );
}

/**
 * Outcomes for children: the council's latest published figure for each DfE indicator beside
 * its neighbours (median of their own figures), its region and England — the region and
 * England values are DfE's own rows, never recomputed from councils.
 */
function OutcomesCard({
  laCode,
  name,
  filters,
  isSample,
  metricId,
  onPick,
}: {
  laCode: string;
  name: string;
  filters: Filters;
  isSample: boolean | null;
  /** The measure the charts below show; a row's name charts it. */
  metricId: string;
  onPick: (metric: string) => void;
}) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.benchmark.queryOptions({ council: laCode, metrics: OUTCOME_METRIC_IDS, filters }),
    placeholderData: keepPreviousData,
  });
  const sourceIds = [...new Set(OUTCOME_METRIC_IDS.flatMap((m) => getMetric(m)!.sources))];
  const sources: SourceInfo[] = isSample
    ? [getSource("sample")!]
    : sourceIds.map((s) => getSource(s)).filter((s): s is SourceInfo => !!s);
  const sourceLine = `Source: ${sources.map((s) => `${s.publisher}, ${s.title} (${s.licence})`).join("; ")}${
    isSample ? " — in the layouts of DfE's children looked after, FOI and workforce files" : ""
  }.`;
  const cell = (m: BenchmarkRow, v: number | null | undefined, suppressed: boolean) => {
    const def = getMetric(m.metric)!;
    if (v === undefined) return <span className="missing">—</span>;
    if (suppressed || v === null) return <span className="suppressed">not published</span>;
    return formatValue(v, def.format);
  };
  return (
    <section className="card" aria-labelledby="outcomes-heading" data-testid="outcomes-card">
      <h2 id="outcomes-heading">Outcomes for children</h2>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingBlock label="outcomes for children" height={240} />
      ) : (
        <>
          <ScrollRegion label="Outcomes for children (table)">
            <table className="data-table data-table--cards scorecard">
              <caption className="visually-hidden">
                {name}'s latest published outcomes for children against its neighbours, region and England
              </caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col" className="num">
                    Year
                  </th>
                  <th scope="col" className="num">
                    {name}
                  </th>
                  <th scope="col" className="num">
                    Neighbours (median)
                  </th>
                  <th scope="col" className="num">
                    {q.data.council.region}
                  </th>
                  <th scope="col" className="num">
                    England
                  </th>
                  <th scope="col" className="num">
                    Rank
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.data.metrics.map((m) => (
                  <tr key={m.metric} data-metric={m.metric}>
                    <th scope="row" className="card-head">
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={m.metric === metricId}
                        onClick={() => onPick(m.metric)}
                      >
                        {getMetric(m.metric)!.label}
                      </button>
                    </th>
                    <td className="num" data-label="Year">
                      {m.year ?? <span className="missing">—</span>}
                    </td>
                    <td className="num" data-label={name} data-testid={`outcome-value-${m.metric}`}>
                      {cell(m, m.council ? m.council.value : undefined, m.council?.suppressed ?? false)}
                    </td>
                    <td className="num" data-label="Neighbours (median)">
                      {cell(m, m.neighbourMedian ?? undefined, false)}
                    </td>
                    <td className="num" data-label={q.data.council.region}>
                      {cell(m, m.region ? m.region.value : undefined, m.region?.suppressed ?? false)}
                    </td>
                    <td className="num" data-label="England">
                      {cell(m, m.england ? m.england.value : undefined, m.england?.suppressed ?? false)}
                    </td>
                    <td className="num nowrap" data-label="Rank">
                      {m.rank === null ? <span className="missing">—</span> : `${ordinal(m.rank)} of ${m.rankOf}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="n-note">
            Each council's latest year in the selected years, as DfE publishes it. {q.data.council.region} and England
            are DfE's own regional and national figures, not averages of councils; neighbours are the median of the ten
            statistical neighbours' own figures. "Not published" means DfE suppressed the figure (small numbers) or it
            does not apply; it is never shown as 0. Rank 1 is the best value (the highest, unless lower is better; the
            highest for the two measures that are a matter of view), among councils with a figure that year.
          </p>
          <p className="chart-frame__source">{sourceLine}</p>
        </>
      )}
    </section>
  );
}

type IlacsResult = RouterOutputs["councilIlacs"];
type IlacsCounts = IlacsResult["england"];

/** "4 Good, 3 Outstanding, 1 not yet published": the API's counts in words, largest first, zeros left out. */
function ilacsCountsInWords(d: IlacsCounts): string {
  const parts = [...d.counts]
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((c) => `${c.n} ${c.rating}`);
  if (d.notPublished > 0) parts.push(`${d.notPublished} not yet published`);
  if (d.notInspected > 0) parts.push(`${d.notInspected} not inspected`);
  return parts.length > 0 ? parts.join(", ") : "no councils";
}

/** "Good (published 12 Mar 2024)", "inspected 7 Mar 2025, judgement not yet published" or "not inspected". */
function ilacsHeadline(j: IlacsResult["council"]): string {
  if (j.status === "judged")
    return j.publicationDate
      ? `${j.rating} (published ${formatDate(j.publicationDate)})`
      : `${j.rating} (inspected ${formatDate(j.inspectionDate)})`;
  if (j.status === "not published") return `inspected ${formatDate(j.inspectionDate)}, judgement not yet published`;
  return "not inspected (no ILACS inspection listed)";
}

function IlacsCard({ laCode, name, isSample }: { laCode: string; name: string; isSample: boolean | null }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.councilIlacs.queryOptions({ council: laCode }));
  const r = q.data;
  const ilacsSource = getSource("ofsted-ilacs")!;
  const sources: SourceInfo[] = isSample || r?.sources.includes("sample") ? [getSource("sample")!] : [ilacsSource];
  const sourceLine = `Source: ${sources.map((s) => `${s.publisher}, ${s.title} (${s.licence})`).join("; ")}${
    sources[0] === ilacsSource ? "" : ` — in the layout of ${ilacsSource.publisher}, ${ilacsSource.title}`
  }.`;
  const subs = r?.council.status === "judged" ? r.council.subJudgements : null;
  return (
    <section className="card ilacs" aria-labelledby="ilacs-heading" data-testid="ilacs-card">
      <h2 id="ilacs-heading">Ofsted judgement of children's services (ILACS)</h2>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={() => void q.refetch()} />
      ) : !r ? (
        <LoadingBlock label="ILACS judgement" height={60} />
      ) : (
        <>
          <p data-testid="ilacs-summary" data-status={r.council.status}>
            <strong>Ofsted ILACS: {ilacsHeadline(r.council)}</strong> — neighbours:{" "}
            {ilacsCountsInWords(r.neighbours.distribution)}.
          </p>
          <p data-testid="ilacs-areas">
            {r.region.name}: {ilacsCountsInWords(r.region)}. England: {ilacsCountsInWords(r.england)}.
          </p>
          {subs ? (
            <p className="n-note">
              {r.council.framework
                ? `${r.council.framework[0]!.toUpperCase()}${r.council.framework.slice(1)} inspection, `
                : ""}
              {formatDate(r.council.inspectionStartDate)} to {formatDate(r.council.inspectionDate)}. Leaders:{" "}
              {subs.impactOfLeaders ?? "—"} · help and protection: {subs.helpAndProtection ?? "—"} · children in care:{" "}
              {subs.inCare ?? "—"} · care leavers: {subs.careLeavers ?? "not judged (inspection before 2023)"}.
            </p>
          ) : null}
          <details>
            <summary>Each neighbour's judgement</summary>
            <ul className="plain-list">
              {r.neighbours.councils.map((n) => (
                <li key={n.laCode}>
                  {n.name}:{" "}
                  {n.status === "judged" ? (
                    `${n.rating}${n.publicationDate ? ` (published ${formatDate(n.publicationDate)})` : ""}`
                  ) : (
                    <span className="missing">
                      {n.status === "not published" ? "not yet published" : "not inspected"}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </details>
          <p className="n-note">
            Latest inspection only; a judgement can be several years old. Counts include {name} in its region and
            England, not among its neighbours. Councils inspected but awaiting their report, or never listed, are
            counted apart, never as a judgement.
            {r.council.sourceFile ? ` ${name}: ${r.council.sourceFile}, row ${r.council.sourceLine}.` : ""}
          </p>
          <p className="chart-frame__source">{sourceLine}</p>
        </>
      )}
    </section>
  );
}
