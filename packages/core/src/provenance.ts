/**
 * The one place provenance is worded: which sources stand behind a number, the source line,
 * the licence line and the sample notice. The pages, the exports, the embeds and the data API
 * all say it with these functions, so a chart, its CSV and an API answer name the same sources
 * under the same licences.
 */
import type { MetricDef } from "./metrics.js";
import { getSource, type SourceInfo } from "./sources.js";

/** Said wherever a number from the generated sample is shown or exported. */
export const SAMPLE_NOTICE = "Sample data — not real";

/** Said when no source is known for a licence line: never a licence nobody granted. */
export const NO_LICENCE_KNOWN = "See each source's licence on the Sources & methods page";

/** What a build says about its sources: a sample, and (on a real build) the ids it read. */
export interface SourceBuild {
  isSample: boolean;
  /** The source ids the build read; empty or absent when it did not record them (all are taken). */
  sources?: readonly string[];
}

/**
 * The registry sources behind metrics on this build: the generated sample on a sample build,
 * else the metrics' sources the build read (all of them when it did not record which), each once.
 */
export function sourcesFor(metrics: readonly Pick<MetricDef, "sources">[], build: SourceBuild): SourceInfo[] {
  if (build.isSample) return [getSource("sample")!];
  const read = build.sources ?? [];
  const ids = [...new Set(metrics.flatMap((m) => m.sources))].filter((id) => read.length === 0 || read.includes(id));
  return ids.map((id) => getSource(id)).filter((s): s is SourceInfo => s !== undefined);
}

/** "Source: Cabinet Office, Contracts Finder notices (Open Government Licence v3.0)." — from the registry. */
export function sourceLine(metrics: readonly Pick<MetricDef, "sources">[], isSample: boolean): string {
  const sources = sourcesFor(metrics, { isSample });
  return `Source: ${sources.map((s) => `${s.publisher}, ${s.title} (${s.licence})`).join("; ")}.`;
}

/** The licences of some sources, each once, in order; NO_LICENCE_KNOWN when there are none. */
export function licenceLine(sources: readonly { licence: string }[]): string {
  return [...new Set(sources.map((s) => s.licence))].join("; ") || NO_LICENCE_KNOWN;
}

/** The sources an answer says contributed rows (id, the API's label, rows). */
export interface ContributingSource {
  id: string;
  label: string;
  rows: number;
}

/**
 * The source line of one answer: exactly the sources that contributed rows, by the API's label,
 * with the publisher and licence from the registry. On the sample, the generator is the source
 * and the formats it imitates are named, so nobody reads a real publisher as vouching for it.
 */
export function answerSourceLine(sources: readonly ContributingSource[], isSample: boolean): string {
  const sample = getSource("sample")!;
  const named = (s: ContributingSource) => {
    const info = getSource(s.id);
    if (!info) return s.label;
    const publisher = s.label.toLowerCase().includes(info.publisher.toLowerCase()) ? "" : `${info.publisher}, `;
    return `${publisher}${s.label}${isSample ? "" : ` (${info.licence})`}`;
  };
  if (isSample) {
    const imitated = sources.filter((s) => s.id !== sample.id).map(named);
    const formats = imitated.length > 0 ? `, in the formats of ${imitated.join("; ")}` : "";
    return `Source: ${sample.publisher}, ${sample.title} (${sample.licence})${formats}.`;
  }
  if (sources.length === 0) return "Source: no rows matched this selection.";
  return `Source: ${sources.map(named).join("; ")}.`;
}

/** The licences of the sources behind an answer, each once. */
export function answerLicence(sources: readonly ContributingSource[], isSample: boolean): string {
  if (isSample) return getSource("sample")!.licence;
  return licenceLine(sources.map((s) => getSource(s.id)).filter((s): s is SourceInfo => s !== undefined));
}
