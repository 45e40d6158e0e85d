/**
 * Caveats that depend on the answer, not only on the metric: a register lists the contracts
 * live on one date, so drawn by start year it over-represents long contracts in the early
 * years (a short contract from those years had ended before the snapshot and is not listed).
 * Any answer grouped by year with rows from such a source says so, and names the source so
 * the web can mark the chart.
 */
import { type DimensionId, getSource, type MetricDef } from "@lens/core";
import type { SourceContribution } from "./contributors.js";

export interface SnapshotBias {
  /** Sources behind the answer that are one-date snapshots. */
  sources: Array<{ id: string; label: string; snapshotDate: string; rows: number }>;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2015-03-28" → "28 March 2015"; a bare year stays as it is. */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function answerCaveats(
  metric: MetricDef,
  dims: readonly DimensionId[],
  sources: readonly SourceContribution[],
): { caveats: string[]; snapshotBias: SnapshotBias | null } {
  if (metric.aggregate.kind === "published" && !dims.includes("year"))
    return {
      caveats: [
        "Each figure is its area's latest year in the selection (the same year for every area), as published: not a sum or average over the years.",
      ],
      snapshotBias: null,
    };
  if (!dims.includes("year")) return { caveats: [], snapshotBias: null };
  const snapshots = sources.flatMap((s) => {
    const date = getSource(s.id)?.snapshotDate;
    return date ? [{ id: s.id, label: s.label, snapshotDate: date, rows: s.rows }] : [];
  });
  if (snapshots.length === 0) return { caveats: [], snapshotBias: null };
  const noun = metric.table === "contracts" ? "contracts" : "rows";
  const caveats = snapshots.map(
    (s) =>
      `${s.rows.toLocaleString("en-GB")} of these ${noun} come from ${s.label}, which lists what was live on ${dateInWords(s.snapshotDate)}: its earlier start years hold only the ${noun} still running then, so they over-represent long ${noun}. Read its years as a snapshot, not a trend (filter by source to leave it out).`,
  );
  return { caveats, snapshotBias: { sources: snapshots } };
}
