/**
 * Concentration in words: when one council or one source supplies more than half of the rows
 * behind a number, every chart, export and API answer says so ("93% of these contracts come
 * from Norfolk County Council's 2015 contract register"). Browser-safe (no IO), so the web app
 * and the API say exactly the same sentence.
 */
import { COUNCILS } from "../councils.js";
import type { FactTable } from "../dimensions.js";
import { getSource, sourceLabel } from "../sources.js";

export type ConcentrationDimension = "council" | "source";

/** The largest contributor of rows along one dimension, over the rows behind a whole answer. */
export interface Concentration {
  dimension: ConcentrationDimension;
  /** The council's DfE code or the source id; null = rows with no council (or source) recorded. */
  value: string | null;
  label: string;
  /** rows / total. */
  share: number;
  /** Rows from this contributor. */
  rows: number;
  /** Rows behind the answer (the rows its n counts, summed over every group). */
  total: number;
}

/** More than this share of the rows from one contributor is disclosed in words. */
export const CONCENTRATION_THRESHOLD = 0.5;

const NOUNS: Record<FactTable, string> = {
  contracts: "contracts",
  provider_snapshots: "provider records",
  joiners_leavers: "register changes",
  spend: "spend records",
  council_indicators: "published council figures",
};

/** The plural noun for one row of a fact table, as the sentence uses it. */
export function rowNoun(table: FactTable): string {
  return NOUNS[table];
}

/** The display name of a contributor, from the council and source registries. */
export function contributorLabel(dimension: ConcentrationDimension, value: string | null): string {
  if (value === null) return dimension === "council" ? "No council recorded" : "No source recorded";
  if (dimension === "council") return COUNCILS.find((c) => c.laCode === value)?.name ?? value;
  return sourceLabel(value);
}

/**
 * A share as the sentence says it: whole percent, but never "50%" for more than half or
 * "100%" for less than all, so the words never overstate or understate the threshold.
 */
export function shareInWords(share: number): string {
  if (share >= 1) return "All";
  const pct = Math.round(share * 100);
  if (pct >= 100) return "Over 99%";
  if (pct <= 50) return "Just over half";
  return `${pct}%`;
}

/**
 * The contributors worth disclosing. A metric that can draw on one source only (Ofsted's
 * provider files, say) has every row from it by definition: "all of these come from it" would
 * be on every chart of that metric and tell the reader nothing, so its source entry stays in
 * the numbers (`concentration`) but is not said or offered to leave out. Councils always count.
 */
export function disclosedConcentration(
  concentration: readonly Concentration[],
  metricSources: readonly string[],
): Concentration[] {
  return concentration.filter((c) => c.dimension !== "source" || metricSources.length > 1);
}

const dominant = (c: Concentration | undefined): c is Concentration =>
  c !== undefined && c.value !== null && c.total > 0 && c.share > CONCENTRATION_THRESHOLD;

/**
 * The disclosure sentence, or null when no single council or source supplies more than half
 * of the rows. Rows with no council recorded are not one contributor, so they never trigger
 * it. When the dominant source is one council's own list and that council's share reads the
 * same, the source alone is named (it already names the council); otherwise both are.
 * Contributors are named by their `label` (from contributorLabel, or the sample's wording).
 */
export function concentrationSentence(concentration: readonly Concentration[], table: FactTable): string | null {
  const source = concentration.find((c) => c.dimension === "source");
  const council = concentration.find((c) => c.dimension === "council");
  const noun = rowNoun(table);
  const sourceHit = dominant(source) ? source : undefined;
  const councilHit = dominant(council) ? council : undefined;
  if (!sourceHit && !councilHit) return null;
  if (sourceHit) {
    const head = `${shareInWords(sourceHit.share)} of these ${noun} come from ${sourceHit.label}`;
    if (!councilHit) return head;
    const named = getSource(sourceHit.value!)?.laCode === councilHit.value;
    if (named && shareInWords(councilHit.share) === shareInWords(sourceHit.share)) return head;
    const tail = `${shareInWords(councilHit.share).toLowerCase()} from ${councilHit.label}`;
    return `${head}; ${tail}`;
  }
  const c = councilHit!;
  return `${shareInWords(c.share)} of these ${noun} come from ${c.label}`;
}
