/** Export file names that say what the chart is: lens-<id>-<from>-<to>[-<size>].<ext>. */
import type { ChartSpec } from "@lens/charts/chart-spec";
import type { SizePreset } from "./compose-svg.js";

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "chart"
  );
}

/** The years the chart covers: its filters' range, else the years on its axis, else "all-years". */
export function yearsPart(spec: ChartSpec): string {
  if (spec.yearRange) return `${spec.yearRange[0]}-${spec.yearRange[1]}`;
  const years = spec.categories.filter((c) => /^\d{4}$/.test(c)).map(Number);
  if (years.length > 0 && years.length === spec.categories.length) return `${Math.min(...years)}-${Math.max(...years)}`;
  return "all-years";
}

export function exportFileName(
  spec: ChartSpec,
  ext: "png" | "svg" | "csv" | "xlsx" | "about.txt",
  size?: SizePreset,
): string {
  const suffix = ext === "png" && size && size !== "standard" ? `-${size}` : "";
  // "about.txt" names the CSV's companion: lens-<id>-<years>.about.txt beside lens-<id>-<years>.csv.
  return `lens-${slug(spec.id)}-${yearsPart(spec)}${suffix}.${ext}`;
}
