/**
 * en-GB formatting for every number and date Lens shows. Missing and suppressed values have
 * their own words so they never read as zero.
 */
import type { MetricFormat } from "./metrics.js";

const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
// One decimal always, so 19.0% sits beside 25.6% rather than 19%.
const percent = new Intl.NumberFormat("en-GB", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** £1.2m, £350k, £950 — the style used in UK policy writing. */
export function formatGbp(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "−" : "";
  if (abs >= 1e9) return `${sign}£${trim(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}£${trim(abs / 1e6)}m`;
  if (abs >= 1e4) return `${sign}£${Math.round(abs / 1e3)}k`;
  return `${sign}£${integer.format(abs)}`;
}

function trim(v: number): string {
  return v >= 100 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, "");
}

export function formatValue(value: number | null | undefined, format: MetricFormat): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  switch (format) {
    case "integer":
      return integer.format(value);
    case "gbp":
      return formatGbp(value);
    case "months":
      return `${decimal.format(value)} mo`;
    case "days":
      return `${integer.format(value)} days`;
    case "percent":
      return percent.format(value);
    case "decimal":
      return decimal.format(value);
  }
}

/** Axis ticks: as formatValue, but round shares lose their ".0" (0%, 25%, 50.5%). */
export function formatAxisValue(value: number, format: MetricFormat): string {
  const text = formatValue(value, format);
  return format === "percent" ? text.replace(/\.0%$/, "%") : text;
}

export function formatCount(value: number): string {
  return integer.format(value);
}

// Months spelt out by hand: ICU versions differ ("Sep" vs "Sept"), and exports must not.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** 14 Mar 2025. Accepts ISO dates or timestamps. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const d = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export const SUPPRESSED_TEXT = "suppressed (n too small)";
export const MISSING_TEXT = "—";
