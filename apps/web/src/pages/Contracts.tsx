/**
 * Contracts: the rows behind every contract number — searchable, sortable and paged through
 * the API, every row linking to its source notice (or file and line). State is in the URL.
 */

import { filtersInWords } from "@lens/charts/filter-state";
import { formatCount, formatDate, formatValue, isRedFlagId, labelForValue, MODEL_INFO } from "@lens/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FilterBar, useFilters } from "../components/FilterBar.js";
import { RedFlagChips, RedFlagFilter } from "../components/RedFlags.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { ErrorBlock, LoadingBlock } from "../components/States.js";
import { TableDownloads } from "../components/TableDownloads.js";
import { useSearchParams } from "../lib/router.js";
import type { ContractRow } from "../lib/router-outputs.js";
import { useTRPC } from "../lib/trpc.js";

const SORTS = ["award_date", "title", "buyer", "supplier", "value", "annual_value", "duration", "tenderers"] as const;
type Sort = (typeof SORTS)[number];
const PAGE_SIZE = 25;

const COLUMNS: { key: string; label: string; sort?: Sort; num?: boolean }[] = [
  { key: "title", label: "Contract", sort: "title" },
  { key: "buyer", label: "Council", sort: "buyer" },
  { key: "supplier", label: "Supplier (ownership)", sort: "supplier" },
  { key: "model", label: "Model and reason" },
  { key: "value", label: "Value", sort: "value", num: true },
  { key: "annual", label: "Per year", sort: "annual_value", num: true },
  { key: "dates", label: "Awarded · runs", sort: "award_date" },
  { key: "duration", label: "Length", sort: "duration", num: true },
  { key: "procedure", label: "Procedure" },
];

/** "Value (highest first)", "Awarded (newest first)", "Council (A to Z)" for the phone's sort menu. */
function sortOptionLabel(c: (typeof COLUMNS)[number], d: "asc" | "desc"): string {
  const name = c.sort === "award_date" ? "Award date" : c.label.replace(" (ownership)", "");
  if (c.sort === "award_date") return `${name} (${d === "desc" ? "newest" : "oldest"} first)`;
  if (c.num) return `${name} (${d === "desc" ? "highest" : "lowest"} first)`;
  return `${name} (${d === "asc" ? "A to Z" : "Z to A"})`;
}

/** A missing value reads as "—" with a spoken "not known", never as £0 or 0 mo. */
function Maybe({ value, text }: { value: number | null | undefined; text: string }) {
  if (value !== null && value !== undefined) return <>{text}</>;
  return (
    <span className="missing" title="Not published or not known">
      — <span className="visually-hidden">not known</span>
    </span>
  );
}

function SourceLink({ row }: { row: ContractRow }) {
  const href = row.noticeUrl && /^https?:\/\//.test(row.noticeUrl) ? row.noticeUrl : null;
  const title = row.title ?? "(untitled contract)";
  return (
    <>
      {href ? (
        <a href={href} target="_blank" rel="noreferrer">
          {title}
          <span className="visually-hidden"> (source notice, opens in a new tab)</span>
        </a>
      ) : (
        <span>{title}</span>
      )}
      <div className="n-note">
        {labelForValue("service", row.service)} · source: {href ? row.source : <code>{row.sourceLink}</code>}
      </div>
    </>
  );
}

export default function Contracts() {
  const trpc = useTRPC();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [filters] = useFilters();
  const q = params.get("q") ?? "";
  const sort: Sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "")
    ? (params.get("sort") as Sort)
    : "award_date";
  const dir = params.get("dir") === "asc" ? "asc" : "desc";
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const flagParam = params.get("flag");
  const flag = isRedFlagId(flagParam) ? flagParam : null;
  // The box follows the URL (back/forward, links) but is edited freely until submitted.
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setText(q);
  }

  const result = useQuery({
    ...trpc.contracts.search.queryOptions({
      q: q || undefined,
      sort,
      dir,
      page,
      pageSize: PAGE_SIZE,
      filters,
      ...(flag ? { flag } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  // Counts per flag for the selection before the flag filter, so every button says what it would show.
  const flagCounts = useQuery({
    ...trpc.contracts.redFlags.queryOptions({ q: q || undefined, filters }),
    placeholderData: keepPreviousData,
  });
  const data = result.data;

  const setSort = (s: Sort) =>
    setParams((p) => {
      const nextDir = sort === s && dir === "desc" ? "asc" : "desc";
      p.set("sort", s);
      p.set("dir", nextDir);
      p.delete("page");
    });
  const setPage = (n: number) => setParams((p) => (n <= 1 ? p.delete("page") : p.set("page", String(n))));

  return (
    <div className="page">
      <h1>Contracts</h1>
      <p className="lede">
        Every children's services contract in the warehouse with how it was classified and why. Follow a title to its
        source notice.
      </p>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams((p) => {
            if (text.trim()) p.set("q", text.trim());
            else p.delete("q");
            p.delete("page");
          });
        }}
      >
        <label htmlFor={`${id}-q`}>Search titles, suppliers and buyers</label>
        <div className="search-form__row">
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">Search</button>
        </div>
      </form>
      <FilterBar controls={["year", "region", "council", "service", "model", "procedure", "ownership"]} />
      <RedFlagFilter
        tally={flagCounts.data}
        selected={flag}
        onSelect={(f) =>
          setParams((p) => {
            if (f) p.set("flag", f);
            else p.delete("flag");
            p.delete("page");
          })
        }
      />
      <section className="card" aria-labelledby={`${id}-results`}>
        <h2 id={`${id}-results`} className="results-heading">
          {data ? (
            <>
              <span data-testid="contracts-total">{formatCount(data.total)}</span> contracts
              {q ? ` matching “${q}”` : ""}
            </>
          ) : (
            "Contracts"
          )}
        </h2>
        <TableDownloads
          table="contracts"
          filters={filters}
          total={data?.total ?? null}
          noun="contracts"
          extra={{ q: q || undefined, sort, dir, ...(flag ? { flag } : {}) }}
        />
        <p className="chart-frame__filters">{filtersInWords(filters)}</p>
        {result.error ? (
          <ErrorBlock error={result.error} onRetry={() => void result.refetch()} />
        ) : !data ? (
          <LoadingBlock label="contracts" height={400} />
        ) : data.rows.length === 0 ? (
          <div className="empty-chart" data-testid="contracts-empty">
            <p>No contracts match{q ? ` “${q}”` : ""} with these filters. Try another search or fewer filters.</p>
            {q && (
              <button
                type="button"
                className="button-secondary"
                onClick={() =>
                  setParams((p) => {
                    p.delete("q");
                    p.delete("page");
                  })
                }
              >
                Clear the search
              </button>
            )}
          </div>
        ) : (
          <>
            <div className="cards-sort">
              <label htmlFor={`${id}-sort`}>Sort by</label>
              <select
                id={`${id}-sort`}
                value={`${sort}:${dir}`}
                onChange={(e) => {
                  const [s, d] = e.target.value.split(":");
                  setParams((p) => {
                    p.set("sort", s!);
                    p.set("dir", d!);
                    p.delete("page");
                  });
                }}
              >
                {COLUMNS.filter((c) => c.sort).flatMap((c) =>
                  (["desc", "asc"] as const).map((d) => (
                    <option key={`${c.sort}:${d}`} value={`${c.sort}:${d}`}>
                      {sortOptionLabel(c, d)}
                    </option>
                  )),
                )}
              </select>
            </div>
            <ScrollRegion label="Contracts (table)">
              <table className="data-table data-table--cards contracts-table" aria-busy={result.isFetching}>
                <caption className="visually-hidden">
                  Contracts, sorted by {sort.replace("_", " ")} {dir === "asc" ? "ascending" : "descending"}, page{" "}
                  {data.page} of {Math.max(1, data.pages)}
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th
                        key={c.key}
                        scope="col"
                        className={c.num ? "num" : undefined}
                        aria-sort={c.sort && c.sort === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
                      >
                        {c.sort ? (
                          <button type="button" className="sort-button" onClick={() => setSort(c.sort!)}>
                            {c.label}
                            <span aria-hidden="true">{c.sort === sort ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
                          </button>
                        ) : (
                          c.label
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => {
                    const model = (r.commissioningModel ?? "unknown") as keyof typeof MODEL_INFO;
                    return (
                      <tr key={r.contractId}>
                        <td className="contract-title card-head">
                          <SourceLink row={r} />
                          <RedFlagChips flags={r.redFlags} />
                        </td>
                        <td data-label="Council">{r.councilName ?? r.buyerName ?? "—"}</td>
                        <td data-label="Supplier">
                          {r.supplierName ?? "—"}
                          <div className="n-note">
                            {r.supplierIsPlaceholder
                              ? "Placeholder, not a supplier: not counted as an award"
                              : labelForValue("ownership", r.supplierOwnership ?? "unknown")}
                          </div>
                          {r.ownershipConflict ? <div className="n-note">Conflict: {r.ownershipConflict}</div> : null}
                        </td>
                        <td data-label="Model">
                          <span className="model-tag">
                            <span
                              className="swatch"
                              style={{ background: MODEL_INFO[model]?.colour }}
                              aria-hidden="true"
                            />
                            {MODEL_INFO[model]?.label ?? model}
                          </span>
                          {r.modelReason ? (
                            <details className="reason">
                              <summary>Why</summary>
                              <span className="n-note">{r.modelReason}</span>
                            </details>
                          ) : (
                            <div className="n-note">No reason recorded</div>
                          )}
                        </td>
                        <td className="num" data-label="Value">
                          <Maybe value={r.valueGbp} text={formatValue(r.valueGbp, "gbp")} />
                          {r.valueFlag ? (
                            <div className="n-note" data-testid="value-flag">
                              Flagged implausible: {r.valueFlag} (kept, left out of medians)
                            </div>
                          ) : null}
                        </td>
                        <td className="num" data-label="Per year">
                          <Maybe value={r.annualValueGbp} text={formatValue(r.annualValueGbp, "gbp")} />
                        </td>
                        <td data-label="Awarded">
                          {formatDate(r.awardDate)}
                          <div className="n-note">
                            {formatDate(r.startDate)} – {formatDate(r.endDate)}
                          </div>
                        </td>
                        <td className="num" data-label="Length">
                          <Maybe value={r.durationMonths} text={formatValue(r.durationMonths, "months")} />
                        </td>
                        <td data-label="Procedure">
                          {labelForValue("procedure", r.procedureType ?? "unknown")}
                          {r.numberOfTenderers !== null && (
                            <div className="n-note">
                              {r.numberOfTenderers} tender{r.numberOfTenderers === 1 ? "" : "s"}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
            <nav className="pager" aria-label="Pages">
              <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span data-testid="page-status">
                Page {formatCount(data.page)} of {formatCount(Math.max(1, data.pages))}
              </span>
              <button
                type="button"
                className="button-secondary"
                disabled={page >= data.pages}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </nav>
          </>
        )}
        <p className="chart-frame__source">
          “—” means not published or not known (never zero). Values are as stated in the notice, often a ceiling or
          estimate.
        </p>
      </section>
    </div>
  );
}
