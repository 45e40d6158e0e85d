/**
 * /evidence/:claim — one claim's brief: the claim (paraphrased, attributed), what the data show
 * (worded from the API's numbers), the strength of the evidence, two to four charts in the
 * standard frame, what the data cannot tell and which data would, the measures, the sources
 * and the permalink. Prints as an A4 brief ("Download brief (PDF)" opens the print dialog).
 */

import { askDistanceInWords } from "@lens/charts/benchmark";
import { ATTRIBUTION, type Claim, claimById, type EvidenceChart as EvidenceChartDef } from "@lens/charts/claims";
import { filtersForMetric, filtersInWords } from "@lens/charts/filter-state";
import { COUNCILS, type Filters, getMetric } from "@lens/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FilterBar, useFilters } from "../../components/FilterBar.js";
import { RecipeChart } from "../../components/RecipeChart.js";
import { ErrorBlock, LoadingBlock } from "../../components/States.js";
import { briefChartFilters } from "../../evidence/chart-filters.js";
import { useClaimFinding } from "../../evidence/use-finding.js";
import { usePrintMedia } from "../../evidence/use-print.js";
import { Link, useLocation } from "../../lib/router.js";
import { useTRPC } from "../../lib/trpc.js";
import { useBuild } from "../../lib/use-build.js";
import NotFound from "../NotFound.js";
import { DeliveryModels } from "./DeliveryModels.js";

export const MEASURED_LABEL: Record<Claim["measured"], string> = {
  directly: "Measured",
  proxies: "Proxies only",
  "not yet": "Not measured yet",
};

const BRIEF_CHART_HEIGHT = 250;
/** On paper: two frames (title, chart, notes, source) to an A4 page. */
const PRINT_CHART_HEIGHT = 160;
/** A scatter needs a little more height to show a spread. */
const PRINT_SCATTER_HEIGHT = 175;

function EvidenceChart({ recipe, filters }: { recipe: EvidenceChartDef; filters: Filters }) {
  const build = useBuild();
  const isSample = build.data?.isSample ?? true;
  // Shorter than elsewhere so two frames fit on an A4 page; a ranked list keeps its own height (one row per council).
  const printing = usePrintMedia();
  const height = recipe.horizontal
    ? undefined
    : printing
      ? recipe.chart === "scatter"
        ? PRINT_SCATTER_HEIGHT
        : PRINT_CHART_HEIGHT
      : BRIEF_CHART_HEIGHT;
  return (
    <RecipeChart
      recipe={recipe}
      filters={briefChartFilters(recipe, filters, isSample)}
      height={height}
      skeletonHeight={BRIEF_CHART_HEIGHT}
    />
  );
}

/** A chosen council's distance to the three-year ask, from the API's benchmark (its gap to the target). */
function CouncilAsk({ laCode, filters }: { laCode: string; filters: Filters }) {
  const trpc = useTRPC();
  const name = COUNCILS.find((c) => c.laCode === laCode)?.name ?? laCode;
  const length = getMetric("median_duration_months")!;
  const { council: _c, ...rest } = filtersForMetric(length, filters).applied;
  const q = useQuery({
    ...trpc.benchmark.queryOptions({
      council: laCode,
      metrics: ["median_duration_months", "share_36_months"],
      filters: rest,
    }),
    placeholderData: keepPreviousData,
  });
  if (q.error) return <ErrorBlock error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <LoadingBlock label={`${name} against the ask`} height={40} />;
  const byId = (id: string) => q.data.metrics.find((m) => m.metric === id);
  return (
    <p className="evidence-council" data-testid="council-ask">
      {askDistanceInWords(name, byId("median_duration_months"), byId("share_36_months"))}
    </p>
  );
}

function Finding({ claim, filters }: { claim: Claim; filters: Filters }) {
  const { finding, strength, source, state } = useClaimFinding(claim, filters);
  if (state.error) return <ErrorBlock error={state.error} onRetry={state.retry} />;
  if (!finding) return <LoadingBlock label="what the data show" height={120} />;
  return (
    <>
      <div className="evidence-finding" data-testid="finding">
        {finding.sentences.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>
      {strength && (
        <p className="evidence-strength" data-testid="strength">
          {strength}
        </p>
      )}
      {source && <p className="evidence-finding__source">{source}</p>}
    </>
  );
}

/** The headline's sources (the same cached answer as the finding), then where every chart's are. */
function FooterSources({ claim, filters }: { claim: Claim; filters: Filters }) {
  const { source } = useClaimFinding(claim, filters);
  return (
    <p>
      {source ? `${source} ` : ""}Each chart names the sources that contributed its rows under it; definitions, licences
      and coverage are on <Link to="/sources">Sources &amp; methods</Link>.
    </p>
  );
}

export default function EvidenceClaim({ id }: { id: string }) {
  const claim = claimById(id);
  const [filters] = useFilters();
  const { search } = useLocation();
  if (!claim) return <NotFound />;
  const councils = filters.council ?? [];
  const council = councils.length === 1 ? COUNCILS.find((c) => c.laCode === councils[0]) : undefined;
  const headingId = `claim-${claim.id}`;
  return (
    <article className="page evidence evidence-brief" aria-labelledby={headingId}>
      <p className="evidence-back">
        <Link to={`/evidence${search}`}>← All eight claims</Link>
      </p>
      <header className="evidence-brief__head">
        <p className="evidence-brief__kicker">
          Evidence brief · Claim {claim.number} of 8 ·{" "}
          <span className={`evidence-badge evidence-badge--${claim.measured.replace(" ", "-")}`}>
            {MEASURED_LABEL[claim.measured]}
          </span>
        </p>
        <h1 id={headingId}>
          {council ? `${council.name}: ` : ""}
          {claim.title}
        </h1>
        <blockquote className="evidence-claim">
          <p>{claim.claim}</p>
          <footer>{ATTRIBUTION}</footer>
        </blockquote>
        <p className="evidence-brief__filters">{filtersInWords(filters, [])}</p>
        <button
          type="button"
          className="evidence-print"
          title="Opens the browser's print dialog: choose “Save as PDF” as the printer to save the brief as a PDF."
          onClick={() => window.print()}
        >
          Download brief (PDF)
        </button>
      </header>
      <FilterBar
        controls={["year", "region", "council"]}
        note="Choose one council to see its own brief. Scatter charts always show every council."
      />
      <section aria-labelledby={`${headingId}-shows`} className="evidence-section">
        <h2 id={`${headingId}-shows`}>What the data show</h2>
        <Finding claim={claim} filters={filters} />
        {council && claim.id === "contract-length" && <CouncilAsk laCode={council.laCode} filters={filters} />}
      </section>
      <div className="chart-grid evidence-charts">
        {claim.charts.map((r) =>
          claim.screenOnly?.ids.includes(r.id) ? (
            <div key={r.id} className="evidence-chart--screen-only">
              <EvidenceChart recipe={r} filters={filters} />
            </div>
          ) : (
            <EvidenceChart key={r.id} recipe={r} filters={filters} />
          ),
        )}
      </div>
      {claim.screenOnly && <p className="print-only">{claim.screenOnly.why}</p>}
      {claim.headline.kind === "delivery" && <DeliveryModels headingId={`${headingId}-bodies`} />}
      <section aria-labelledby={`${headingId}-cannot`} className="evidence-section evidence-cannot">
        <h2 id={`${headingId}-cannot`}>What this cannot tell you</h2>
        <p>{claim.cannot}</p>
        <h3>The data that would change that</h3>
        <p>{claim.wouldChange}</p>
      </section>
      <section aria-labelledby={`${headingId}-measures`} className="evidence-section evidence-measures">
        <h2 id={`${headingId}-measures`}>Measures used</h2>
        <dl>
          {claim.measures.map((m) => {
            const metric = getMetric(m);
            return metric ? (
              <div key={m}>
                <dt>{metric.label}</dt>
                <dd>{metric.definition}</dd>
              </div>
            ) : null;
          })}
        </dl>
      </section>
      <footer className="evidence-brief__footer">
        <FooterSources claim={claim} filters={filters} />
        <p>
          Permalink: <span className="evidence-permalink">{window.location.href}</span>
        </p>
      </footer>
    </article>
  );
}
