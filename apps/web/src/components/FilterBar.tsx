/**
 * The shared filter bar. Every control writes straight into the URL (one history entry per
 * change), so back/forward step through filter changes and a reload restores them. List
 * filters take several values (a disclosure of checkboxes; councils with a search box).
 */

import {
  exclusionsOf,
  FIRST_YEAR,
  type FilterControl,
  filtersFromParams,
  LAST_YEAR,
  type ListFilterId,
  withExclusion,
  withListFilter,
  writeFilters,
} from "@lens/charts/filter-state";
import { highlightFromParams, writeHighlight } from "@lens/charts/highlight";
import { COUNCILS, DIMENSIONS, type Filters, labelForValue, REGIONS } from "@lens/core";
import { useId } from "react";
import { useSearchParams } from "../lib/router.js";
import { MultiSelect } from "./MultiSelect.js";

export function useFilters(): [Filters, (next: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const setFilters = (next: Filters) => setParams((p) => writeFilters(p, next));
  return [filters, setFilters];
}

/** The council highlighted everywhere (`?highlight=`), and a setter that keeps every other parameter. */
export function useHighlight(): [string | null, (code: string | null) => void] {
  const [params, setParams] = useSearchParams();
  return [highlightFromParams(params), (code) => setParams((p) => writeHighlight(p, code))];
}

/**
 * Picks the council to highlight: drawn distinctly in every council chart, the others kept.
 * A native select (type-ahead by name), so it needs no search box of its own.
 */
export function HighlightPicker() {
  const [highlight, setHighlight] = useHighlight();
  const id = useId();
  return (
    <div className="filter-bar__field highlight-picker">
      <label htmlFor={`${id}-highlight`}>Highlight a council</label>
      <span className="highlight-picker__row">
        <select id={`${id}-highlight`} value={highlight ?? ""} onChange={(e) => setHighlight(e.target.value || null)}>
          <option value="">None</option>
          {COUNCILS_BY_NAME.map((c) => (
            <option key={c.laCode} value={c.laCode}>
              {c.name}
            </option>
          ))}
        </select>
        {highlight && (
          <button
            type="button"
            className="button-secondary"
            aria-label="Stop highlighting"
            onClick={() => setHighlight(null)}
          >
            ×
          </button>
        )}
      </span>
    </div>
  );
}

const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const COUNCILS_BY_NAME = [...COUNCILS].sort((a, b) => a.name.localeCompare(b.name));

function optionsFor(
  d: ListFilterId,
  extra?: readonly string[],
  regions?: readonly string[],
): { value: string; label: string }[] {
  if (d === "council")
    // With regions chosen, only their councils are offered.
    return COUNCILS_BY_NAME.filter((c) => !regions?.length || regions.includes(c.region)).map((c) => ({
      value: c.laCode,
      label: c.name,
    }));
  if (d === "region") return REGIONS.map((r) => ({ value: r, label: r }));
  const values = DIMENSIONS[d].values?.map(String) ?? extra ?? [];
  return values.map((v) => ({ value: v, label: labelForValue(d, v) }));
}

export function FilterBar({
  controls,
  extraOptions,
  note,
  highlight,
}: {
  controls: readonly FilterControl[];
  /** Values for dimensions without a fixed vocabulary (e.g. provision types, from the API). */
  extraOptions?: Partial<Record<ListFilterId, readonly string[]>>;
  note?: string;
  /** Offer the "Highlight a council" picker (pages whose charts draw councils). */
  highlight?: boolean;
}) {
  const [filters, setFilters] = useFilters();
  const id = useId();
  const excluded = exclusionsOf(filters);
  const active =
    excluded.length > 0 ||
    filters.from !== undefined ||
    filters.to !== undefined ||
    controls.some((c) => c !== "year" && (filters[c]?.length ?? 0) > 0);
  const regions = controls.includes("region") ? filters.region : undefined;
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {controls.map((c) => {
        if (c === "year")
          return (
            <fieldset key="year" className="filter-bar__years">
              <legend>Years</legend>
              <label htmlFor={`${id}-from`} className="visually-hidden">
                From year
              </label>
              <select
                id={`${id}-from`}
                value={filters.from ?? ""}
                onChange={(e) => {
                  const from = e.target.value === "" ? undefined : Number(e.target.value);
                  const to = filters.to !== undefined && from !== undefined && filters.to < from ? from : filters.to;
                  setFilters({ ...filters, from, to });
                }}
              >
                <option value="">Earliest</option>
                {YEARS.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
              <span aria-hidden="true">to</span>
              <label htmlFor={`${id}-to`} className="visually-hidden">
                To year
              </label>
              <select
                id={`${id}-to`}
                value={filters.to ?? ""}
                onChange={(e) => {
                  const to = e.target.value === "" ? undefined : Number(e.target.value);
                  const from = filters.from !== undefined && to !== undefined && filters.from > to ? to : filters.from;
                  setFilters({ ...filters, from, to });
                }}
              >
                <option value="">Latest</option>
                {YEARS.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </fieldset>
          );
        const label = DIMENSIONS[c].label;
        return (
          <MultiSelect
            key={c}
            label={label}
            options={optionsFor(c, extraOptions?.[c], regions)}
            selected={filters[c] ?? []}
            onChange={(values) => setFilters(withListFilter(filters, c, values))}
            searchLabel={c === "council" ? "Search councils" : undefined}
          />
        );
      })}
      {highlight && <HighlightPicker />}
      {excluded.length > 0 && (
        // A contributor left out ("Show without …" on a chart) is a filter too: named, and undone here.
        <ul className="filter-bar__chips" aria-label="Left out of every chart">
          {excluded.map((e) => (
            <li key={e.key + e.value}>
              <button
                type="button"
                className="chip"
                aria-label={`Show ${e.label} again`}
                onClick={() => setFilters(withExclusion(filters, e.dimension, e.value, false))}
              >
                Without {e.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {active && (
        <button type="button" className="button-secondary filter-bar__clear" onClick={() => setFilters({})}>
          Clear filters
        </button>
      )}
      {note && <p className="filter-bar__note">{note}</p>}
    </form>
  );
}
