import { getSource, type MetricDef, type SourceInfo } from "@lens/core";

/** "Source: Cabinet Office, Contracts Finder notices (Open Government Licence v3.0)." — from the registry. */
export function sourcesFor(metrics: readonly MetricDef[], isSample: boolean): SourceInfo[] {
  if (isSample) return [getSource("sample")!];
  const ids = [...new Set(metrics.flatMap((m) => m.sources))];
  return ids.map((id) => getSource(id)).filter((s): s is SourceInfo => s !== undefined);
}

export function sourceLine(metrics: readonly MetricDef[], isSample: boolean): string {
  const sources = sourcesFor(metrics, isSample);
  return `Source: ${sources.map((s) => `${s.publisher}, ${s.title} (${s.licence})`).join("; ")}.`;
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
  const licences = sources.map((s) => getSource(s.id)?.licence).filter((l): l is string => !!l);
  return [...new Set(licences)].join("; ") || "See each source's licence on the Sources & methods page";
}
