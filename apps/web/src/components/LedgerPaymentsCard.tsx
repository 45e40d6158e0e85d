/**
 * A ledger council's placement payments by provider ownership, year by year, beside its own
 * s251 outturn and the research panel for the same year, with the concentration of those
 * payments (the registry's ledger metrics, so the figures are Explore's) and the providers it
 * shares with the other ledger councils. Rendered only for the councils with a ledger.
 */
import { formatCount, formatGbp, formatValue, getMetric, getSource } from "@lens/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "../lib/router.js";
import type { RouterOutputs } from "../lib/router-outputs.js";
import { useTRPC } from "../lib/trpc.js";
import { ScrollRegion } from "./ScrollRegion.js";
import { ErrorBlock, LoadingBlock } from "./States.js";

type CouncilYear = RouterOutputs["ledgerPayments"]["councilYears"][number];

const HHI = "ledger_placement_hhi";
const TOP5 = "ledger_placement_top5_share";

const fy = (year: number) => `${year - 1}-${String(year).slice(2)}`;
const pct = (v: number | null | undefined) => formatValue(v ?? null, "percent");
const gbp = (v: number | null | undefined) => (v == null ? "—" : formatGbp(v));

/** The ledger's own share of the same year's accounts, said so a reader does not take it for a saving. */
function coverageWords(y: CouncilYear): string {
  if (y.s251?.coverage != null)
    return `${fy(y.year)}: the ledger's placement payments are ${pct(y.s251.coverage)} of the s251 residential and fostering lines`;
  if (y.panel?.coverage != null)
    return `${fy(y.year)}: the ledger's placement payments are ${pct(y.panel.coverage)} of the panel's looked-after total`;
  return "";
}

export function LedgerPaymentsCard({ laCode, name }: { laCode: string; name: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.ledgerPayments.queryOptions({ council: laCode }));
  const market = (metric: string) =>
    trpc.metrics.compare.queryOptions({ metric, groupBy: ["year"], filters: { council: [laCode] } });
  const hhi = useQuery({ ...market(HHI), enabled: (q.data?.councilYears.length ?? 0) > 0 });
  const top5 = useQuery({ ...market(TOP5), enabled: (q.data?.councilYears.length ?? 0) > 0 });
  const r = q.data;
  if (q.error) return <ErrorBlock error={q.error} onRetry={() => void q.refetch()} />;
  if (!r) return <LoadingBlock label="ledger payments" height={60} />;
  if (r.councilYears.length === 0) return null;

  const byYear = (rows: RouterOutputs["metrics"]["compare"]["rows"] | undefined, year: number) =>
    rows?.find((row) => Number(row.dims.year) === year);
  const marketCell = (metric: string, rows: RouterOutputs["metrics"]["compare"]["rows"] | undefined, year: number) => {
    // Still loading is not "no value": the market queries come after the table's own.
    if (!rows) return <span className="missing">…</span>;
    const row = byYear(rows, year);
    if (!row) return <span className="missing">—</span>;
    if (row.suppressed) return <span className="suppressed">n = {row.n}</span>;
    return formatValue(row.value, getMetric(metric)!.format);
  };
  const latestComparable = [...r.councilYears].reverse().find((y) => y.s251?.coverage != null || y.panel?.coverage);
  // A ledger that books placements under mixed expense types names almost none: say so before any figure.
  const coverages = r.councilYears
    .flatMap((y) => [y.s251?.coverage, y.panel?.coverage])
    .filter((c): c is number => c != null);
  const nearlyNone = coverages.length > 0 && Math.max(...coverages) < 0.05;
  const sourceIds = r.sources.filter((s) => s !== "sample");
  const sourceLine = sourceIds
    .map((id) => getSource(id))
    .filter((s) => s !== undefined)
    .map((s) => `${s.publisher}, ${s.title}`)
    .join("; ");

  return (
    <section className="card" aria-labelledby="ledger-heading" data-testid="ledger-payments-card">
      <h2 id="ledger-heading">Placement payments by provider ownership (council ledger)</h2>
      <p>
        {name} publishes its payments over £500. Its residential-care and fostering payments, year by year: how much
        went to for-profit suppliers, how concentrated they were, and — where the council's accounts for the same year
        are in the data — the s251 outturn beside them.
        {latestComparable ? ` ${coverageWords(latestComparable)}.` : ""}
      </p>
      {nearlyNone ? (
        <p data-testid="ledger-nearly-none">
          <strong>
            {name}'s ledger names almost no placement payments (at most {pct(Math.max(...coverages))} of the same year's
            outturn or panel figure): it books placements under expense types that hold several services, so the shares
            and concentration here do not describe its placement market.
          </strong>
        </p>
      ) : null}
      <ScrollRegion label="Ledger placement payments by year (table)">
        <table className="data-table">
          <caption className="visually-hidden">
            {name}: ledger placement payments by financial year, with the s251 outturn and the research panel
          </caption>
          <thead>
            <tr>
              <th scope="col">Financial year</th>
              <th scope="col" className="num">
                Months in ledger
              </th>
              <th scope="col" className="num">
                Placement payments
              </th>
              <th scope="col" className="num">
                For-profit share (ledger)
              </th>
              <th scope="col" className="num">
                HHI
              </th>
              <th scope="col" className="num">
                Top-5 share
              </th>
              <th scope="col" className="num">
                s251 residential + fostering
              </th>
              <th scope="col" className="num">
                s251 private share
              </th>
              <th scope="col" className="num">
                Ledger ÷ s251
              </th>
              <th scope="col" className="num">
                Panel looked-after total
              </th>
              <th scope="col" className="num">
                Ledger ÷ panel
              </th>
            </tr>
          </thead>
          <tbody>
            {r.councilYears.map((y) => (
              <tr key={y.year} data-year={y.year}>
                <th scope="row">{fy(y.year)}</th>
                <td className="num">{y.months}</td>
                <td className="num" title={`${formatCount(y.placementLines)} payment lines`}>
                  {gbp(y.placementGbp)}
                </td>
                <td className="num">
                  {y.forProfitShare == null && y.knownOwnershipLines > 0 ? (
                    <span className="suppressed">n = {y.knownOwnershipLines}</span>
                  ) : (
                    pct(y.forProfitShare)
                  )}
                </td>
                <td className="num">{marketCell(HHI, hhi.data?.rows, y.year)}</td>
                <td className="num">{marketCell(TOP5, top5.data?.rows, y.year)}</td>
                <td className="num">{gbp(y.s251?.placementGbp)}</td>
                <td className="num">{pct(y.s251?.privateShare)}</td>
                <td className="num">{pct(y.s251?.coverage)}</td>
                <td className="num">{gbp(y.panel?.claTotalGbp)}</td>
                <td className="num">{pct(y.panel?.coverage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="n-note">
        Why the two sides differ: the ledger lists payments over £500 by the month paid, while the outturn is the year's
        accounts (accruals, gross of income) and includes the council's own homes and carers, which are staff costs
        rather than payments to a supplier. Both are financial years ending in March; the first and last years of a
        ledger hold only the months shown. A placement payment is a line whose expense type names residential care or
        fostering: placements booked under mixed expense types are not counted, so a low share of the outturn is first
        of all a coverage gap. The panel's total is the whole looked-after block (adoption and guardianship too).
        Payments to redacted individuals (mostly foster carers) are of unknown ownership and in no market share; HHI and
        top-5 are withheld below 20 payment lines (n shown). See{" "}
        <Link to={`/explore?metric=ledger_placement_for_profit_share&chart=bar&by=council`}>Explore</Link> for the four
        councils side by side.
      </p>
      {r.crossCouncil.length > 0 ? (
        <details data-testid="ledger-cross-council">
          <summary>
            Providers {name} shares with the other ledger councils ({r.crossCouncil.length} of{" "}
            {r.suppliersPerCouncil.find((s) => s.laCode === laCode)?.suppliers ?? 0} suppliers it paid for placements)
          </summary>
          <ScrollRegion label="Providers paid by more than one ledger council (table)">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Ownership</th>
                  <th scope="col">Placement payments by council (years)</th>
                </tr>
              </thead>
              <tbody>
                {r.crossCouncil.slice(0, 25).map((p) => (
                  <tr key={p.key}>
                    <th scope="row">{p.name}</th>
                    <td>{p.ownership ?? "unknown"}</td>
                    <td>
                      {p.councils
                        .map(
                          (c) =>
                            `${c.name} ${formatGbp(c.gbp)} (${fy(c.firstYear)}${c.lastYear !== c.firstYear ? ` to ${fy(c.lastYear)}` : ""})`,
                        )
                        .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {r.crossCouncil.length > 25 ? (
            <p className="n-note">The 25 largest of {r.crossCouncil.length} are shown; the API returns them all.</p>
          ) : null}
          <p className="n-note">
            Suppliers are matched across councils by name with legal suffixes, case and punctuation folded; one group
            trading under several company names appears as several providers.
          </p>
        </details>
      ) : null}
      {sourceLine ? <p className="chart-frame__source">Source: {sourceLine}.</p> : null}
    </section>
  );
}
